using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Homework;

/// <summary>A class with its teacher, students and a parent, made through the real API; and the homework calls.</summary>
internal sealed record HomeworkClass(Guid SchoolId, Guid ClassId, TestUser Teacher, HttpClient TeacherClient, IReadOnlyList<TestUser> Students,
    IReadOnlyList<HttpClient> StudentClients);

internal static class HomeworkApi
{
    public static async Task<HomeworkClass> ClassAsync(EduCloudFactory factory, int students = 2, string name = "作业小学")
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102", name);
        var teacher = await factory.CreateUserAsync("Teacher", classId: classId);
        var users = new List<TestUser>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < students; i++)
        {
            var student = await factory.CreateUserAsync("Student", classId: classId);
            users.Add(student);
            clients.Add(await factory.ClientForAsync(student));
        }
        return new HomeworkClass(schoolId, classId, teacher, await factory.ClientForAsync(teacher), users, clients);
    }

    public static object Body(Guid classId, DateTimeOffset? due = null, string deadline = "Soft", object? rubric = null, Guid[]? attachments = null, double? maxScore = 100,
        string title = "第三单元练习") => new
    {
        classIds = new[] { classId },
        title,
        instructions = "完成课本第45页练习1-5",
        subject = "数学",
        maxScore,
        dueAt = due ?? DateTimeOffset.UtcNow.AddDays(3),
        deadline,
        rubric,
        attachmentIds = attachments ?? [],
    };

    public static async Task<JsonElement> SetAsync(HttpClient teacher, object body)
    {
        var response = await teacher.PostAsJsonAsync("/api/v1/homework/assignments", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json[0];
    }

    public static async Task<Guid> SetIdAsync(HttpClient teacher, object body) => (await SetAsync(teacher, body)).GetProperty("id").GetGuid();

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/homework/files", form);
    }

    public static async Task<Guid> UploadedAsync(HttpClient client, string fileName, byte[] content)
    {
        var response = await UploadAsync(client, fileName, content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    public static byte[] Pdf(string text = "作业") => Encoding.UTF8.GetBytes("%PDF-1.4\n% " + text + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient student, Guid assignmentId, string key, string text = "我的答案：1. 42", Guid[]? fileIds = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/homework/my/assignments/{assignmentId}/submission")
        {
            Content = JsonContent.Create(new { text, fileIds = fileIds ?? [] }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await student.SendAsync(request);
    }

    public static async Task<JsonElement> SubmittedAsync(HttpClient student, Guid assignmentId, string? key = null, string text = "我的答案：1. 42", Guid[]? fileIds = null)
    {
        var response = await SubmitAsync(student, assignmentId, key ?? Guid.NewGuid().ToString(), text, fileIds);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<HttpResponseMessage> MarkAsync(HttpClient teacher, Guid submissionId, object body) =>
        await teacher.PostAsJsonAsync($"/api/v1/homework/submissions/{submissionId}/mark", body);

    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(status, json.ToString());
        return json.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().First().Value[0].GetString()! : json.GetProperty("title").GetString()!;
    }
}
