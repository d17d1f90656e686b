using EduCloud.Identity.Contracts;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using EduCloud.Spaces.Features.Notices;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// Spaces on first run: `teacher`'s notice (with receipt) to the parents of their first class (where `student` sits), a
/// conversation between `teacher` and `parent` about `student`, the school's 语文 research group led by `teacher` with a
/// colleague, a lesson plan with two versions shared with it, and 南明区 bureau's notice to the school's staff. So /space,
/// /spaces/notices, /spaces/messages, /spaces/groups, /spaces/plans and /spaces/region/520102 show something for the demo accounts.
/// </summary>
internal static class DemoSpaces
{
    public static async Task<int> SeedAsync(IServiceProvider sp, IdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SpacesDbContext>();
        if (await db.Notices.AnyAsync(ct))
        {
            return 0;
        }
        string[] names = ["TEACHER", "PARENT", "STUDENT", "NM_ADMIN"];
        var people = await identity.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName))
            .ToDictionaryAsync(a => a.NormalizedUserName.ToLowerInvariant(), a => (a.Id, a.DisplayName), ct);
        if (people.Count < names.Length)
        {
            return 0;
        }
        var (teacher, parent, student) = (people["teacher"], people["parent"], people["student"]);
        var classId = await identity.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == student.Id && a.ClassId != null).Select(a => a.ClassId!.Value).FirstAsync(ct);
        var place = (await sp.GetRequiredService<IOrganizationDirectory>().FindClassAsync(classId, ct))!;
        var directory = sp.GetRequiredService<IPeopleDirectory>();
        var now = clock.GetUtcNow().UtcDateTime;

        var notice = new Notice
        {
            SenderId = teacher.Id, SenderName = teacher.DisplayName, SenderKind = SenderKind.Teacher, Title = "关于召开期中家长会的通知",
            Body = "各位家长：\n本周五下午 3:00 在本班教室召开期中家长会，请准时参加。\n请收到后点击“确认收到”。",
            Audience = Audience.Parents, NeedsAcknowledgement = true, TargetNames = place.GradeName + place.Name, SentAt = now.AddHours(-3),
        };
        var recipients = await ResolveRecipients.ForClassesAsync(directory, [classId], Audience.Parents, ct);
        notice.RecipientCount = recipients.Count;
        db.Notices.Add(notice);
        db.Targets.Add(new NoticeTarget { NoticeId = notice.Id, SentAt = notice.SentAt, ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId, ClassId = classId });
        db.Receipts.AddRange(recipients.Select(r => new Receipt
        {
            NoticeId = notice.Id, RecipientId = r.AccountId, RecipientName = r.Name, RecipientRole = r.Role, SentAt = notice.SentAt,
            ChildNames = string.Join("、", r.Children), ProvinceCode = r.Place.ProvinceCode, CityCode = r.Place.CityCode, CountyCode = r.Place.CountyCode,
            SchoolId = r.Place.SchoolId, ClassId = r.Place.ClassId,
        }));

        // 南明区 bureau's notice to the school's staff, so the region and school spaces show a bureau notice.
        var bureau = people["nm_admin"];
        var circular = new Notice
        {
            SenderId = bureau.Id, SenderName = bureau.DisplayName, SenderKind = SenderKind.Bureau, Title = "关于开展国家智慧教育平台应用培训的通知",
            Body = "各学校：\n请于下周三前组织全体教师完成平台应用培训，并在学校空间上传培训记录。", Audience = Audience.Staff, NeedsAcknowledgement = true,
            TargetNames = place.SchoolName, SentAt = now.AddDays(-1),
        };
        var staff = await ResolveRecipients.ForSchoolsAsync(directory, [place.SchoolId], Audience.Staff, ct);
        circular.RecipientCount = staff.Count;
        db.Notices.Add(circular);
        db.Targets.Add(new NoticeTarget { NoticeId = circular.Id, SentAt = circular.SentAt, ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId });
        db.Receipts.AddRange(staff.Select(r => new Receipt
        {
            NoticeId = circular.Id, RecipientId = r.AccountId, RecipientName = r.Name, RecipientRole = r.Role, SentAt = circular.SentAt,
            ProvinceCode = r.Place.ProvinceCode, CityCode = r.Place.CityCode, CountyCode = r.Place.CountyCode, SchoolId = r.Place.SchoolId, ClassId = r.Place.ClassId,
        }));

        var thread = new MessageThread
        {
            TeacherId = teacher.Id, TeacherName = teacher.DisplayName, ParentId = parent.Id, ParentName = parent.DisplayName, ChildId = student.Id, ChildName = student.DisplayName,
            LastAt = now.AddHours(-1), LastText = "好的，谢谢老师，我们会多陪孩子朗读。", UnreadByTeacher = 1,
        };
        db.Threads.Add(thread);
        db.Messages.AddRange(
            new Message { ThreadId = thread.Id, SenderId = teacher.Id, SenderName = teacher.DisplayName, Text = "您好，孩子这周朗读进步很大，建议在家每天读十分钟课文。", SentAt = now.AddHours(-2) },
            new Message { ThreadId = thread.Id, SenderId = parent.Id, SenderName = parent.DisplayName, Text = thread.LastText, SentAt = thread.LastAt });

        var group = new ResearchGroup { Name = place.SchoolName + "语文教研组", Kind = GroupKind.SubjectGroup, Subject = "语文", SchoolId = place.SchoolId, LeaderId = teacher.Id, LeaderName = teacher.DisplayName, CreatedAt = now.AddDays(-7) };
        db.Groups.Add(group);
        db.Members.Add(new GroupMember { GroupId = group.Id, AccountId = teacher.Id, DisplayName = teacher.DisplayName, IsLeader = true, JoinedAt = group.CreatedAt });
        var colleague = (await directory.MembersOfSchoolsAsync([place.SchoolId], [Role.Teacher], ct)).FirstOrDefault(m => m.AccountId != teacher.Id);
        if (colleague is not null)
        {
            db.Members.Add(new GroupMember { GroupId = group.Id, AccountId = colleague.AccountId, DisplayName = colleague.DisplayName, JoinedAt = group.CreatedAt });
        }
        var plan = new LessonPlan
        {
            AuthorId = teacher.Id, AuthorName = teacher.DisplayName, GroupId = group.Id, Title = "《春》第一课时", Stage = "初中", Subject = "语文",
            CurrentVersion = 2, LastNumber = 2, CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-4),
        };
        db.Plans.Add(plan);
        const string objectives = "1. 有感情地朗读课文\n2. 品味比喻、拟人的表达效果";
        db.Versions.AddRange(
            new PlanVersion { PlanId = plan.Id, Number = 1, State = VersionState.Saved, EditorId = teacher.Id, EditorName = teacher.DisplayName, Title = plan.Title, Objectives = objectives, Process = "导入：背诵写春的古诗\n初读：读准字音\n精读：五幅春景图", CreatedAt = plan.CreatedAt },
            new PlanVersion { PlanId = plan.Id, Number = 2, BasedOn = 1, State = VersionState.Saved, EditorId = teacher.Id, EditorName = teacher.DisplayName, Title = plan.Title, Objectives = objectives, Process = "导入：背诵写春的古诗\n初读：读准字音，划分层次\n精读：五幅春景图\n小结：仿写一段春景", Note = "增加仿写环节", CreatedAt = plan.UpdatedAt });
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
