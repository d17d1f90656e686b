using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// Homework on first run, in `teacher`'s first class (where `student` sits): last week's 古诗 homework, handed in by
/// most of the class (a few late) and marked with a rubric, `student`'s included; and this week's open 作文 homework,
/// so /homework, /homework/todo (as student) and /homework/children (as parent) show something.
/// </summary>
internal static class DemoHomework
{
    public static async Task<int> SeedAsync(IServiceProvider sp, IdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HomeworkDbContext>();
        if (await db.Assignments.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }
        var teacher = await identity.Accounts.IgnoreQueryFilters().Where(a => a.NormalizedUserName == "TEACHER").Select(a => new { a.Id, a.DisplayName }).FirstOrDefaultAsync(ct);
        if (teacher is null)
        {
            return 0;
        }
        // The demo `student` sits in the teacher's first class: take that class (it is where `parent` looks).
        var teacherClasses = identity.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == teacher.Id && a.ClassId != null).Select(a => a.ClassId!.Value);
        var studentAccount = identity.Accounts.IgnoreQueryFilters().Where(a => a.NormalizedUserName == "STUDENT").Select(a => a.Id);
        var classId = await identity.Assignments.IgnoreQueryFilters()
            .Where(a => studentAccount.Contains(a.AccountId) && a.ClassId != null && teacherClasses.Contains(a.ClassId.Value)).Select(a => a.ClassId!.Value).FirstOrDefaultAsync(ct);
        if (classId == Guid.Empty)
        {
            classId = await teacherClasses.FirstAsync(ct);
        }
        var place = (await sp.GetRequiredService<IOrganizationDirectory>().FindClassAsync(classId, ct))!;
        var studentIds = identity.Assignments.IgnoreQueryFilters().Where(a => a.ClassId == classId && a.Role == Role.Student).Select(a => a.AccountId);
        var students = await identity.Accounts.IgnoreQueryFilters().Where(a => studentIds.Contains(a.Id)).OrderBy(a => a.NormalizedUserName)
            .Select(a => new { a.Id, a.DisplayName, a.NormalizedUserName }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var setAt = now.AddDays(-9);
        Assignment New(string title, string instructions, DateTime due, DeadlineRule rule, double max) => new()
        {
            SetId = Guid.CreateVersion7(), TeacherId = teacher.Id, TeacherName = teacher.DisplayName, ClassName = place.GradeName + place.Name, Title = title,
            Instructions = instructions, Subject = "语文", MaxScore = max, DueAt = due, Deadline = rule, CreatedAt = setAt,
            ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId, ClassId = classId,
        };
        var poem = New("背诵并默写《静夜思》", "背诵全诗，默写一遍并拍照上传；写出你最喜欢的一句并说明理由。", now.AddDays(-2), DeadlineRule.Soft, 10);
        var essay = New("小作文：我的周末", "写一篇不少于300字的小作文，题目自拟，注意分段。", now.AddDays(4), DeadlineRule.Hard, 100);
        db.Assignments.AddRange(poem, essay);
        db.Criteria.AddRange(
            new Criterion { AssignmentId = poem.Id, SortOrder = 1, Name = "默写准确", Points = 6 },
            new Criterion { AssignmentId = poem.Id, SortOrder = 2, Name = "理由表达", Points = 4 });
        var random = new Random(5);
        foreach (var (s, i) in students.Select((s, i) => (s, i)))
        {
            // About four in five hand in; the demo student always does and is marked.
            if (s.NormalizedUserName != "STUDENT" && random.Next(5) == 0)
            {
                continue;
            }
            var late = s.NormalizedUserName != "STUDENT" && random.Next(8) == 0;
            var at = poem.DueAt.AddHours(late ? 5 : -random.Next(2, 40));
            var points = new List<double> { random.Next(3, 7), random.Next(1, 5) };
            var submission = new Submission
            {
                AssignmentId = poem.Id, StudentId = s.Id, StudentName = s.DisplayName, Status = SubmissionStatus.Marked, Text = "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
                FirstSubmittedAt = at, SubmittedAt = at, Late = late, Score = points.Sum(), CriterionPoints = points, Comment = i % 3 == 0 ? "默写工整，理由写得具体。" : "注意“疑”字的写法。",
                MarkedAt = now.AddDays(-1), MarkedBy = teacher.Id,
                ProvinceCode = poem.ProvinceCode, CityCode = poem.CityCode, CountyCode = poem.CountyCode, SchoolId = poem.SchoolId, ClassId = classId,
            };
            db.Submissions.Add(submission);
            db.Versions.Add(new SubmissionVersion
            {
                SubmissionId = submission.Id, AssignmentId = poem.Id, StudentId = s.Id, Number = 1, IdempotencyKey = "demo-" + submission.Id, Text = submission.Text,
                SubmittedAt = at, Late = late, ProvinceCode = poem.ProvinceCode, CityCode = poem.CityCode, CountyCode = poem.CountyCode, SchoolId = poem.SchoolId, ClassId = classId,
            });
        }
        await db.SaveChangesAsync(ct);
        return 2;
    }
}
