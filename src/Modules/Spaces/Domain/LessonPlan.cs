namespace EduCloud.Spaces.Domain;

/// <summary>
/// 教案 (lesson plan), prepared alone or with a research group (集体备课). Every save is a numbered version; a colleague's
/// proposed edit is a version too, pending until the author accepts (it becomes current) or rejects it.
/// <see cref="CurrentVersion"/> is also the optimistic concurrency token: an edit based on an older version is a conflict.
/// </summary>
internal sealed class LessonPlan : Kernel.Scope.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>The research group it is shared with (its members may read, comment and propose); null while private.</summary>
    public Guid? GroupId { get; set; }
    public string Title { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Subject { get; set; } = "";
    public int CurrentVersion { get; set; }
    public int LastNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PlanVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    /// <summary>The version this one was edited from (0 for the first).</summary>
    public int BasedOn { get; set; }
    public VersionState State { get; set; }
    public Guid EditorId { get; set; }
    public string EditorName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Objectives { get; set; } = "";
    public string Process { get; set; } = "";
    public List<Guid> ResourceIds { get; set; } = [];
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

internal enum VersionState
{
    /// <summary>A save by the author, part of the plan's history.</summary>
    Saved = 1,
    /// <summary>修改建议 awaiting the author.</summary>
    Proposed = 2,
    Accepted = 3,
    Rejected = 4,
}

/// <summary>评论 on a plan (at the version the commenter read).</summary>
internal sealed class PlanComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int VersionNumber { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
