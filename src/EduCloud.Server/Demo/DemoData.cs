using System.Diagnostics;
using EduCloud.Identity;
using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Data;
using EduCloud.Students.Data;
using EduCloud.Teachers.Data;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// The demo province 贵州省 (520000): about 50 schools with teaching points, the 2026-2027 academic year, grades and
/// classes, about 200 teachers, 5,000 students and their parents, and the named demo accounts (password Demo2026,
/// no forced change). Runs only on a database without schools. Deterministic (fixed seed) so screenshots and
/// browser tests see the same names each time. Logs counts only, never personal data.
/// </summary>
internal static class DemoData
{
    public const string Password = "Demo2026";

    public static async Task SeedIfEmptyAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        IdentityModule.ActAsPlatform(sp);
        var org = sp.GetRequiredService<OrganizationDbContext>();
        if (await org.Schools.IgnoreQueryFilters().AnyAsync(ct))
        {
            logger.LogInformation("Demo data not loaded: the database already has schools");
            return;
        }
        var watch = Stopwatch.StartNew();
        var clock = sp.GetRequiredService<TimeProvider>();
        var random = new Random(2026);
        var tree = await DemoOrganization.BuildAsync(org, clock, random, ct);
        var people = new DemoPeople(random);
        people.Build(tree);
        var identity = sp.GetRequiredService<IdentityDbContext>();
        // An operator may already have made, say, national_admin with create-admin: keep theirs rather than fail the import.
        var names = people.Rows.Select(r => r.UserName!.ToUpperInvariant())
            .Where(n => !n.Skip(1).All(char.IsAsciiDigit)).ToList(); // the named accounts, not t00001/s000001/p000001
        var taken = (await identity.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName)).Select(a => a.NormalizedUserName).ToListAsync(ct)).ToHashSet();
        var rows = people.Rows.Where(r => !taken.Contains(r.UserName!.ToUpperInvariant())).ToList();
        var result = await ImportAccounts.HandleAsync(identity, sp.GetRequiredService<IOrganizationDirectory>(),
            sp.GetRequiredService<PersonalDataProtector>(), clock, rows, SignInService.HashPassword(Password), mustChangePassword: false, ct);
        var studentsDb = sp.GetRequiredService<StudentsDbContext>();
        var accountIds = await identity.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Like(a.NormalizedUserName, "S%"))
            .ToDictionaryAsync(a => a.NormalizedUserName, a => a.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var records = DemoStudents.Build(people.StudentSeats, accountIds, sp.GetRequiredService<PersonalDataProtector>(), random, now);
        studentsDb.Students.AddRange(records);
        studentsDb.StatusChanges.AddRange(records.Select(r => DemoStudents.AdmissionOf(r, now)));
        await studentsDb.SaveChangesAsync(ct);
        var teachersDb = sp.GetRequiredService<TeachersDbContext>();
        var teacherAccounts = await identity.Accounts.IgnoreQueryFilters().Where(a => EF.Functions.Like(a.NormalizedUserName, "T%"))
            .ToDictionaryAsync(a => a.NormalizedUserName, a => a.Id, ct);
        var teachers = DemoTeachers.Build(people.TeacherSeats, teacherAccounts, sp.GetRequiredService<PersonalDataProtector>(), random, now);
        teachersDb.Teachers.AddRange(teachers.Select(t => t.Record));
        teachersDb.Changes.AddRange(teachers.Select(t => t.Registered));
        await teachersDb.SaveChangesAsync(ct);
        var resources = await DemoResources.SeedAsync(sp, identity, clock, ct);
        var lessons = await DemoLessons.SeedAsync(sp, identity, clock, ct);
        var homework = await DemoHomework.SeedAsync(sp, identity, clock, ct);
        await DemoSpaces.SeedAsync(sp, identity, clock, ct);
        var items = await DemoAssessment.SeedAsync(sp, identity, clock, ct);
        var returns = await DemoMonitoring.SeedAsync(sp.GetRequiredService<EduCloud.Monitoring.Data.MonitoringDbContext>(), tree, random, now, ct);
        await DemoMonitoringHistory.SeedAsync(sp, now, ct);
        logger.LogInformation(
            "Demo data loaded in {Seconds:F1} s: {Schools} schools, {TeachingPoints} teaching points, {Classes} classes, {Teachers} teachers, {Students} students, {Parents} parents, {Accounts} accounts, {Links} guardian links, {Records} student records, {TeacherRecords} teacher records, {Resources} resources, {Lessons} contest entries, {Homework} homework, {Items} bank items, {Returns} monitoring returns",
            watch.Elapsed.TotalSeconds, tree.Schools.Count, tree.TeachingPoints.Count, tree.Classes.Count, people.Teachers, people.Students, people.Parents,
            result.AccountIds.Count, result.GuardianLinks, records.Count, teachers.Count, resources, lessons, homework, items, returns);
    }
}
