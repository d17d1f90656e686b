using System.Net;
using System.Text;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Attachments go through the kernel's FileIntake: size, type, content and virus checks, then served to the class only.</summary>
public sealed class FileTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task An_oversized_file_is_refused_with_the_limit_named()
    {
        var c = await ClassAsync(factory, students: 1);
        var big = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        (await ErrorAsync(await UploadAsync(c.StudentClients[0], "大作业.pdf", big), HttpStatusCode.BadRequest)).ShouldBe("“大作业.pdf”超过大小上限（20 MB）");
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_and_a_forbidden_extension_are_refused()
    {
        var c = await ClassAsync(factory, students: 1);
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        (await ErrorAsync(await UploadAsync(c.StudentClients[0], "作业.pdf", exe), HttpStatusCode.BadRequest)).ShouldContain("可执行程序");
        (await ErrorAsync(await UploadAsync(c.StudentClients[0], "setup.exe", exe), HttpStatusCode.BadRequest)).ShouldStartWith("“setup.exe”的文件类型不允许");
    }

    [Fact]
    public async Task The_eicar_test_virus_is_refused()
    {
        var c = await ClassAsync(factory, students: 1);
        var eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
        (await ErrorAsync(await UploadAsync(c.StudentClients[0], "答案.txt", eicar), HttpStatusCode.BadRequest)).ShouldContain("未通过病毒扫描");
    }

    [Fact]
    public async Task An_attachment_reaches_the_class_s_students_but_not_another_class()
    {
        var c = await ClassAsync(factory, students: 1);
        var other = await ClassAsync(factory, students: 1, name: "别的小学");
        var fileId = await UploadedAsync(c.TeacherClient, "练习.pdf", Pdf("练习"));
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId, attachments: [fileId]));

        var download = await c.StudentClients[0].GetAsync($"/api/v1/homework/assignments/{id}/files/{fileId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf("练习"));
        (await other.StudentClients[0].GetAsync($"/api/v1/homework/assignments/{id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A student cannot attach a file someone else uploaded.
        (await ErrorAsync(await SubmitAsync(c.StudentClients[0], id, "k1", fileIds: [fileId]), HttpStatusCode.BadRequest)).ShouldBe("附件不存在或不是您上传的文件");
    }
}
