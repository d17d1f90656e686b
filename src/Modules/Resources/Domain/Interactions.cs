using EduCloud.Kernel.Scope;

namespace EduCloud.Resources.Domain;

// Interaction rows are not scoped rows, like Resource: a teacher manages no part of the tree, yet favourites and rates.
// Who may write and read them is decided by the handlers in Features/Interactions (one row per person and resource).

/// <summary>收藏: one person's bookmark of a published resource.</summary>
internal sealed class Favourite : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public Guid AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>评分: 1-5 stars, one per person and resource (rating again replaces it).</summary>
internal sealed class Rating : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public Guid AccountId { get; set; }
    public int Stars { get; set; }
    public DateTime RatedAt { get; set; }
}

internal enum CommentStatus { Pending = 0, Approved = 1, Rejected = 2 }

/// <summary>
/// 评论: plain text, visible to others once a reviewer of the resource or its owner approved it (moderation).
/// Stored as written (markup refused up front by PlainText) and always rendered encoded.
/// </summary>
internal sealed class Comment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? ModeratedById { get; set; }
    public DateTime? ModeratedAt { get; set; }
}

/// <summary>推送到班级: a teacher gives a published resource to one of their classes, with an optional note.</summary>
internal sealed class ClassPush : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public Guid ClassId { get; set; }
    public string ClassName { get; set; } = "";
    public Guid SchoolId { get; set; }
    public Guid TeacherId { get; set; }
    public string TeacherName { get; set; } = "";
    public string? Note { get; set; }
    public DateTime PushedAt { get; set; }
}

internal enum UseKind { Open = 0, Download = 1 }

/// <summary>
/// One use of a pushed resource by a student of the class (opening the page or the file): the per-class record of
/// use the teacher reads. Written once per use, never edited; not audited (it is a usage log, not a change).
/// </summary>
internal sealed class ClassUse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PushId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid ClassId { get; set; }
    public Guid StudentId { get; set; }
    public string StudentName { get; set; } = "";
    public UseKind Kind { get; set; }
    public DateTime At { get; set; }
}
