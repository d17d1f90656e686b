using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Students;

/// <summary>学籍: student status records, their lifecycle (学籍异动), transfers, duplicates, bulk import, and the census.</summary>
public static class StudentsModule
{
    public static IServiceCollection AddStudents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<StudentsDbContext, SqliteStudentsDbContext, PostgresStudentsDbContext>(configuration, "Students");
        services.AddSingleton<CensusChangeFeed>();
        services.AddSingleton<ICensusChangeFeed>(sp => sp.GetRequiredService<CensusChangeFeed>());
        services.AddScoped<IStudentCensus, StudentCensus>();
        Texts.AddEnglish(StudentsTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapStudents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Students").RequireAuthorization();
        _ = api;
        return app;
    }
}
