using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EduCloud.Tests.Monitoring;

/// <summary>Reads and acts on alerts through the public API.</summary>
internal static class AlertApi
{
    public static async Task<List<JsonElement>> ListAsync(HttpClient client, string status = "all", bool mine = false)
    {
        var response = await client.GetAsync($"/api/v1/monitoring/alerts?status={status}&mine={mine.ToString().ToLowerInvariant()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json.EnumerateArray().ToList();
    }

    public static JsonElement[] For(this List<JsonElement> alerts, string rule, string subject) =>
        alerts.Where(a => a.GetProperty("ruleId").GetString() == rule && a.GetProperty("subjectKey").GetString() == subject).ToArray();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> StepAsync(HttpClient client, Guid id, string trigger, string? note = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/monitoring/alerts/{id}/{trigger}", new { note });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> EvaluateAsync(HttpClient bureau)
    {
        var response = await bureau.PostAsync("/api/v1/monitoring/alerts/evaluate", null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static string[] Actions(this JsonElement alert) => alert.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray();
}
