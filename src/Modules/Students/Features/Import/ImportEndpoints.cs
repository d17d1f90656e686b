using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace EduCloud.Students.Features.Import;

/// <summary>The import's routes: templates, jobs, error reports, export, and the page's own upload form.</summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapGet("/student-imports/template.xlsx", DownloadTemplate.XlsxEndpoint).WithSummary("下载学生名单导入模板（.xlsx）");
        api.MapGet("/student-imports/template.csv", DownloadTemplate.CsvEndpoint).WithSummary("下载学生名单导入模板（.csv，UTF-8）");
        // Bearer clients post multipart without an antiforgery token; the page's own form goes through /students/import/upload.
        api.MapPost("/student-imports", StartImport.EndpointAsync).RequireAdministrator().DisableAntiforgery()
            .WithSummary("上传学生名单并开始后台导入（mode: AllOrNothing 或 ValidRowsOnly）");
        api.MapGet("/student-imports", GetImportJob.ListEndpointAsync).RequireAdministrator().WithSummary("最近的导入任务");
        api.MapGet("/student-imports/{id:guid}", GetImportJob.EndpointAsync).RequireAdministrator().WithSummary("导入任务进度与结果");
        api.MapGet("/student-imports/{id:guid}/errors.xlsx", GetImportJob.ReportEndpointAsync).RequireAdministrator().WithSummary("下载错误报告（仅错误行，含“错误”列）");
        api.MapPost("/student-imports/{id:guid}/cancel", GetImportJob.CancelEndpointAsync).RequireAdministrator().WithSummary("取消导入（不写入任何数据）");
        api.MapGet("/students/export.xlsx", ExportStudents.EndpointAsync).RequireAdministrator().WithSummary("导出学生名单（.xlsx，证件号脱敏）");
        app.MapPost("/students/import/upload", UploadFromPageAsync).RequireAuthorization().RequireAdministrator().ExcludeFromDescription();
    }

    /// <summary>The page's upload form (cookie + antiforgery token): queue, then show the job's progress.</summary>
    private static async Task<IResult> UploadFromPageAsync(IFormFile? file, [FromForm] Guid? schoolId,
        [FromForm] string? mode, [AsParameters] StartImport.Services s, CancellationToken ct)
    {
        try
        {
            if (file is null)
            {
                return Results.LocalRedirect("/students/import?error=" + Uri.EscapeDataString("请选择要上传的文件"));
            }
            await using var stream = file.OpenReadStream();
            var job = await StartImport.HandleAsync(s, stream, file.FileName, schoolId, mode, ct);
            return Results.LocalRedirect($"/students/import?job={job.Id}");
        }
        catch (ValidationFailedException e)
        {
            return Results.LocalRedirect("/students/import?error=" + Uri.EscapeDataString(string.Join("；", e.Errors.SelectMany(x => x.Value))));
        }
    }
}
