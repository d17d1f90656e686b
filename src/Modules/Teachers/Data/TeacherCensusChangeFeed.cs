using EduCloud.Teachers.Contracts;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EduCloud.Teachers.Data;

internal sealed class TeacherCensusChangeFeed : ITeacherCensusChangeFeed
{
    private long _version;

    public event Action<IReadOnlyCollection<Guid>>? SchoolsChanged;

    public long Version => Interlocked.Read(ref _version);

    public void Publish(IReadOnlyCollection<Guid> schoolIds)
    {
        Interlocked.Increment(ref _version);
        SchoolsChanged?.Invoke(schoolIds);
    }
}

/// <summary>
/// Publishes a TeachersDbContext's pending census changes when a transaction the handler opened commits (transfers
/// save several times in one), and drops them when it rolls back. Saves outside a transaction publish themselves.
/// Stateless, so one instance serves every context.
/// </summary>
internal sealed class TeacherCommitHook : DbTransactionInterceptor
{
    public static readonly TeacherCommitHook Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TeachersDbContext)?.PublishCensusChanges();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TeachersDbContext)?.PublishCensusChanges();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TeachersDbContext)?.DiscardCensusChanges();

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TeachersDbContext)?.DiscardCensusChanges();
        return Task.CompletedTask;
    }
}
