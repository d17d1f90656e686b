using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Students;

public sealed class TransferPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private readonly TransferWorld _world = new(factory);

    [Fact]
    public async Task Receiving_school_starts_a_transfer_from_the_page_and_the_sending_school_approves_it()
    {
        var from = await _world.SchoolAsync("520102");
        var to = await _world.SchoolAsync("520102");
        var student = await _world.StudentAsync(from, name: "吴十");
        var receivingUser = await factory.CreateUserAsync("SchoolAdmin", schoolId: to.SchoolId);
        var sendingUser = await factory.CreateUserAsync("SchoolAdmin", schoolId: from.SchoolId);

        using var receiving = new BrowserSession(factory);
        await receiving.SignInAsync(receivingUser);
        var started = await receiving.SubmitAsync("/students/transfers", "start-transfer", new Dictionary<string, string>
        {
            ["Model.StudentNumber"] = student.Number, ["Model.Name"] = "吴十", ["Model.ToClassId"] = to.ClassId.ToString(),
            ["Model.ReasonCode"] = "31", ["Model.EffectiveOn"] = "2026-12-01",
        });
        var html = await started.Content.ReadAsStringAsync();
        started.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("data-testid=\"transfer-row\" data-status=\"Pending\"");

        using var sending = new BrowserSession(factory);
        await sending.SignInAsync(sendingUser);
        var list = await (await sending.Http.GetAsync("/students/transfers")).Content.ReadAsStringAsync();
        list.ShouldContain("吴十");
        var id = System.Text.RegularExpressions.Regex.Match(list, "name=\"TransferId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var approved = await sending.SubmitAsync("/students/transfers", "decide-transfer", new Dictionary<string, string>
        {
            ["TransferId"] = id, ["TransferVersion"] = "0", ["DecisionAction"] = "approve",
        });
        (await approved.Content.ReadAsStringAsync()).ShouldContain("data-status=\"Completed\"");
        (await _world.RecordAsync(student.Id)).SchoolId.ShouldBe(to.SchoolId);
    }
}
