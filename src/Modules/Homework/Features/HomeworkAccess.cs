using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features;

/// <summary>
/// Who may act on homework. Teachers manage no place, so the scope guard would refuse every row they write: they act
/// only on the classes of their own Teacher assignments (checked here), and the rows are saved as the platform.
/// Students and parents see no classes by place: the assignments of a student's classes are found through the class
/// roster (their own classes, or their children's), never by a class id the caller chooses.
/// </summary>
internal static class HomeworkAccess
{
    public static Guid RequireTeacherOf(HomeworkDbContext db, Guid? classId)
    {
        if (db.Actor.UserId is not { } me || classId is not { } id || !db.Actor.Roles.Contains(Role.Teacher) || !db.Actor.Scope.Classes.Contains(id))
        {
            throw new ForbiddenException("只能为本人任教的班级布置、修改和批改作业");
        }
        return me;
    }

    /// <summary>An assignment the caller sees by place (teacher of the class, administrators), else 404.</summary>
    public static async Task<Assignment> FindAsync(HomeworkDbContext db, Guid id, CancellationToken ct) =>
        await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该作业");

    /// <summary>The caller's children (a parent's scope lists them beside the caller), or the caller alone for a student.</summary>
    public static List<Guid> Learners(HomeworkDbContext db) =>
        db.Actor.UserId is { } me && db.Actor.Roles.Contains(Role.Parent) ? db.Actor.Scope.People.Where(p => p != me).ToList()
        : db.Actor.UserId is { } self && db.Actor.Roles.Contains(Role.Student) ? [self] : [];

    /// <summary>
    /// The assignments of the classes a learner (the caller or one of their children) belongs to. Read past the place
    /// filter on purpose: the class list comes from the roster for that learner, not from the request.
    /// </summary>
    public static async Task<IQueryable<Assignment>> OfLearnerAsync(HomeworkDbContext db, IClassRoster roster, Guid learnerId, CancellationToken ct)
    {
        if (!Learners(db).Contains(learnerId))
        {
            return db.Assignments.Where(a => false);
        }
        var classes = await roster.StudentClassesAsync(learnerId, ct);
        return db.Assignments.IgnoreQueryFilters().Where(a => a.ClassId != null && classes.Contains(a.ClassId.Value));
    }

    /// <summary>An assignment of the caller's own class (a student doing it), else 404.</summary>
    public static async Task<Assignment> FindForStudentAsync(HomeworkDbContext db, IClassRoster roster, Guid id, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var mine = await OfLearnerAsync(db, roster, me, ct);
        return await mine.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该作业");
    }
}
