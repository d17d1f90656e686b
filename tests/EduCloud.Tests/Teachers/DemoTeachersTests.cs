using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Teachers;

public sealed class DemoTeachersTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Every_demo_teacher_has_a_record_at_the_school_of_its_classes_and_the_teacher_account_sees_its_own()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);

        using var teacher = await factory.ClientForAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password));
        var me = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/teachers/me");
        me.GetProperty("name").GetString().ShouldBe("李老师");
        me.GetProperty("subjects")[0].GetProperty("name").GetString().ShouldBe("语文");
        me.GetProperty("assignments").GetArrayLength().ShouldBe(2);

        using var school = await factory.ClientForAsync(new TestUser(Guid.Empty, "school_admin", DemoData.Password));
        var list = await school.GetFromJsonAsync<JsonElement>("/api/v1/teachers?pageSize=200");
        list.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("schoolId").GetGuid() == me.GetProperty("schoolId").GetGuid());
        list.GetProperty("items").EnumerateArray().ShouldContain(t => t.GetProperty("id").GetGuid() == me.GetProperty("id").GetGuid());

        using var province = await factory.ClientForAsync(new TestUser(Guid.Empty, "gz_admin", DemoData.Password));
        var all = await province.GetFromJsonAsync<JsonElement>("/api/v1/teachers?pageSize=1");
        all.GetProperty("total").GetInt32().ShouldBeInRange(190, 260);
        var below = await province.GetFromJsonAsync<JsonElement>("/api/v1/teachers/training/below-target?year=2026");
        below.GetProperty("teachers").GetArrayLength().ShouldBeInRange(1, below.GetProperty("activeTeachers").GetInt32() - 1);
    }
}
