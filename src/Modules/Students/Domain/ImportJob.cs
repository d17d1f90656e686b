using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// 学籍批量导入任务: one uploaded class-list file of one school, run in the background. Progress is written by the
/// worker many times a second, so the row is derived (scope-filtered on read, neither guarded nor audited per update);
/// whoever starts a job is checked against the school when it is queued, and the import itself writes one audit line.
/// </summary>
internal sealed class ImportJob : IDerivedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ImportMode Mode { get; set; }
    public ImportStatus Status { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>SHA-256 of the uploaded bytes: tells a re-upload of the same file.</summary>
    public string FileHash { get; set; } = "";
    /// <summary>Where the upload is kept while the job runs, relative to the data directory; deleted when done.</summary>
    public string StoredFile { get; set; } = "";
    /// <summary>The .xlsx of the bad rows with an 错误 column, relative to the data directory; null when none.</summary>
    public string? ErrorReport { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    /// <summary>New records written.</summary>
    public int Imported { get; set; }
    /// <summary>Rows that matched a record of this school and changed it.</summary>
    public int Updated { get; set; }
    /// <summary>Rows that matched a record of this school and changed nothing (a re-upload).</summary>
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public string? Message { get; set; }
    public bool CancelRequested { get; set; }
    public Guid? RequestedBy { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Rejected or ImportStatus.Failed or ImportStatus.Cancelled;
}

/// <summary>Chosen explicitly by the user: no default.</summary>
internal enum ImportMode
{
    /// <summary>全部成功才导入: any bad row and nothing is written.</summary>
    AllOrNothing = 1,
    /// <summary>仅导入正确行: the good rows are written, the bad ones come back in the report.</summary>
    ValidRowsOnly = 2,
}

internal enum ImportStatus
{
    Queued = 1,
    Running = 2,
    /// <summary>Done; in ValidRowsOnly mode there may still be bad rows in the report.</summary>
    Succeeded = 3,
    /// <summary>All-or-nothing with bad rows: nothing written, the report says why.</summary>
    Rejected = 4,
    /// <summary>The file could not be read, or the job crashed; nothing written.</summary>
    Failed = 5,
    Cancelled = 6,
}
