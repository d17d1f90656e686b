using System.Globalization;
using System.Text.Json.Serialization;
using EduCloud.Homework;
using EduCloud.Assessment;
using EduCloud.Identity;
using EduCloud.Kernel.Data;
using EduCloud.Lessons;
using EduCloud.Spaces;
using EduCloud.Monitoring;
using EduCloud.Organization;
using EduCloud.Records;
using EduCloud.Resources;
using EduCloud.Server.Components;
using EduCloud.Server.Web;
using EduCloud.Statistics;
using EduCloud.Students;
using EduCloud.Teachers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace EduCloud.Server;

/// <summary>Composes the modules into one host. Program.cs, the CLI and the tests all go through here.</summary>
internal static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddEduCloud(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddKernel(configuration);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(configuration["DataDirectory"] ?? "data", "keys")))
            .SetApplicationName("EduCloud");
        services.AddOrganization(configuration);
        services.AddIdentityModule(configuration);
        services.AddStudents(configuration);
        services.AddTeachers(configuration);
        services.AddStatistics(configuration);
        services.AddResources(configuration);
        services.AddRecords(configuration);
        services.AddLessons(configuration);
        services.AddSpaces(configuration);
        services.AddMonitoring(configuration);
        services.AddHomework(configuration);
        services.AddAssessment(configuration);

        services.AddProblemDetails();
        // Malformed JSON reaches ProblemMapping, which names the offending field, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "EduCloud API";
            doc.Info.Description = "国家教育信息化平台 EduCloud 的 REST 接口。错误以 ProblemDetails 返回，并指明出错字段。";
            return Task.CompletedTask;
        }));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese first: the language is the user's explicit choice (cookie or ?culture=), not the browser's guess.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Write Chinese as characters, not &#x...; escapes: pages are a third smaller over a shared 4 Mbit/s link.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        // Only the map boundaries (public GeoJSON, up to 200 KB) are compressed by the host: see UseEduCloud.
        services.AddResponseCompression(o => o.EnableForHttps = true);
    }

    public static void UseEduCloud(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Expected domain errors are answers, not faults: keep them (and any input they quote) out of the logs.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == Microsoft.AspNetCore.Diagnostics.ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        // The dashboard's map boundaries (wwwroot/lib/echarts/map, one file per region): compressed (brotli or gzip,
        // ~4x smaller) and, when asked for by their content-versioned URL (?v=, ReadMap), cached for a year.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/lib/echarts/map"), map => map.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c =>
            {
                if (c.Context.Request.Path.StartsWithSegments("/lib/echarts/map") && c.Context.Request.Query.ContainsKey("v"))
                {
                    c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.UseEduCloudAuthentication();
        app.UseCurrentActor();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("EduCloud API"));
        app.MapGet("/health", HealthCheck.CheckAsync).ExcludeFromDescription();
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();

        app.MapOrganization();
        app.MapIdentity();
        app.MapStudents();
        app.MapTeachers();
        app.MapStatistics();
        app.MapResources();
        app.MapRecords();
        app.MapLessons();
        app.MapSpaces();
        app.MapMonitoring();
        app.MapHomework();
        app.MapAssessment();
        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies(ModuleAssemblies.Pages);
    }
}
