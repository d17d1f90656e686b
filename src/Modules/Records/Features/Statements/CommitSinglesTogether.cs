using System.Text.Json.Nodes;
using System.Threading.Channels;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// Group commit for single-statement PUT/POST (ADR 0018). Each request does its own work first —
/// rules, id, hash, the learner and the writer's right to write about them, the row — so a bad statement is
/// refused with its own 400/403 and never reaches the queue. One writer then stores whatever has queued in one
/// transaction (one COPY per table on PostgreSQL) and answers each request only after that commit. While a flush
/// runs the next requests queue, so groups grow with the load and a lone request waits for nobody.
/// If a group fails, its statements are written again one by one, so one statement's failure (a racing duplicate
/// id) answers that request alone. Voiding statements and statements with attachments take the ordinary path.
/// </summary>
internal sealed partial class CommitSinglesTogether(IServiceScopeFactory scopes, GroupCommitOptions options, ILogger<CommitSinglesTogether> log) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>GivenId: the client chose the id (only such an id can already be stored, or be a stored voiding statement's target).</summary>
    private sealed record Pending(StoredStatement Row, List<StatementLink> Links, string? ActivityJson, bool GivenId, TaskCompletionSource<StoreStatements.Outcome> Done);

    /// <summary>Statements this path takes: no attachments to store, and not voiding (those need the stored-voiding checks).</summary>
    public static bool Fits(JsonObject s) =>
        (string?)s["verb"]?["id"] != StoreStatements.VoidedVerb && s["attachments"] is null && s["object"]?["attachments"] is null;

    /// <summary><paramref name="requestServices"/>: the request's, for the account look-up when the actor names one of our accounts.</summary>
    public async Task<StoreStatements.Outcome> StoreAsync(IServiceProvider requestServices, string homePage, Writer writer, JsonObject s, TimeProvider clock, CancellationToken ct)
    {
        var givenId = s["id"] is not null;
        var id = StoreStatements.AssignId(s);
        var hash = StatementShape.SubmittedHash(s);
        var learner = await Learners.FindAsync(s["actor"], homePage, requestServices.GetRequiredService<IAccountPlacement>, ct);
        if (learner is not null && !writer.MayWriteAbout(learner))
        {
            return StoreStatements.Outcome.Fail(403, "statement.actor: you may not record statements about this learner");
        }
        // In flight until this request has its answer, that is until its group has committed or failed.
        using var reservation = Times().Reserve(clock, 1);
        var (row, links) = StoreStatements.Prepare(s, id, reservation.First, hash, learner, writer);
        var activity = new Dictionary<string, string>(StringComparer.Ordinal);
        StoreStatements.CollectActivities(s, activity);
        // Continuations run synchronously: the writer, once the group is committed, carries each request on to its
        // response itself, instead of queueing each to the thread pool and waking a worker for it (on two cores those
        // wake-ups and switches were about a sixth of the server's time). The rest of a request is short and never blocks.
        var done = new TaskCompletionSource<StoreStatements.Outcome>();
        if (!_queue.Writer.TryWrite(new Pending(row, links, activity.Values.FirstOrDefault(), givenId, done)))
        {
            throw new InvalidOperationException("the statement writer has stopped");
        }
        // Not cancelled with the request: once queued the statement is stored whether or not the client still waits.
        return await done.Task;
    }

    private StoredTimes? _times;

    /// <summary>The store's stored times, found once (the request path resolves no DbContext, ADR 0035).</summary>
    private StoredTimes Times()
    {
        if (_times is null)
        {
            using var scope = scopes.CreateScope();
            _times = StoredTimes.For(scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Database);
        }
        return _times;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var writers = Math.Max(options.Writers, 1);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteGroupsAsync(stopping), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never written; those requests get an error, not a 200.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new OperationCanceledException("the server is stopping"));
            }
        }
    }

    /// <summary>
    /// One writer: takes whatever has queued and writes it as one group. More than one can run (Writers, ADR 0038):
    /// one group is then sent while another waits for its commit. Measured on PostgreSQL, two writers made smaller
    /// groups and were no faster, at 16 or 64 clients, so one is the default.
    /// The next group goes to the database before the last one is answered (ADR 0042): answering carries each request
    /// on to its response on this thread, a few tens of microseconds each, and the database would idle meanwhile.
    /// </summary>
    private async Task WriteGroupsAsync(CancellationToken stopping)
    {
        var group = new List<Pending>(options.MaxGroup);
        var written = new List<Pending>(options.MaxGroup);
        var settled = Array.Empty<Settled>();
        await using var session = new WriterSession(scopes);
        while (written.Count > 0 || await _queue.Reader.WaitToReadAsync(stopping))
        {
            if (!options.Pipelined)
            {
                Answer(written, settled);
                written.Clear();
            }
            group.Clear();
            while (group.Count < options.MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }
            var writing = group.Count > 0 ? WriteAsync(session, group, stopping) : null;
            Answer(written, settled);
            written.Clear();
            if (writing is not null)
            {
                settled = await writing;
                (written, group) = (group, written);
            }
        }
    }

    /// <summary>What became of one statement of a group: its outcome, or the exception its request is to see.</summary>
    private readonly record struct Settled(StoreStatements.Outcome? Outcome, Exception? Error);

    private static void Answer(List<Pending> written, Settled[] settled)
    {
        for (var i = 0; i < written.Count; i++)
        {
            if (settled[i].Error is { } error) { written[i].Done.TrySetException(error); }
            else { written[i].Done.TrySetResult(settled[i].Outcome!); }
        }
    }

    /// <summary>Writes a group and says what became of each statement; never throws.</summary>
    /// <param name="again">This statement's second try, after its own insert met the same id from a group the other
    /// writer committed meanwhile: the look-up now sees that row, so the same statement is 200 and another 409.</param>
    private async Task<Settled[]> WriteAsync(WriterSession session, List<Pending> group, CancellationToken ct, bool again = false)
    {
        try
        {
            var outcomes = await session.WriteAsync(group, ct);
            return Array.ConvertAll(outcomes, o => new Settled(o, null));
        }
        catch (Exception e) when (group.Count > 1 && !ct.IsCancellationRequested)
        {
            log.LogWarning("A group of {Count} statements failed ({Error}); writing them one by one", group.Count, e.GetType().Name);
            var settled = new Settled[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                settled[i] = (await WriteAsync(session, [group[i]], ct))[0];
            }
            return settled;
        }
        catch (Exception e) when (StatementRows.IsDuplicate(e) && !again && !ct.IsCancellationRequested)
        {
            return await WriteAsync(session, group, ct, again: true);
        }
        catch (Exception e) when (StatementRows.IsDuplicate(e))
        {
            return [new Settled(StoreStatements.Outcome.Fail(409, "a statement with this id was stored at the same moment"), null)];
        }
        catch (Exception e)
        {
            return group.Select(_ => new Settled(null, e)).ToArray();
        }
    }

    /// <summary>
    /// A writer's own scope and context, kept from one flush to the next: building a context's internal services
    /// for every group was a few per cent of the server's time under single POSTs. Nothing stays tracked between
    /// flushes (the change tracker is cleared, the connection goes back to the pool after each commit), and any failure
    /// throws the context away. Only its writer touches it.
    /// </summary>
    private sealed class WriterSession(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        private AsyncServiceScope? _scope;

        private RecordsDbContext Context()
        {
            if (_scope is not { } scope)
            {
                scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.ActAsPlatform();
                _scope = scope;
            }
            return scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        }

        /// <summary>One transaction for the group; the outcome of each statement, in order.</summary>
        public async Task<StoreStatements.Outcome[]> WriteAsync(List<Pending> group, CancellationToken ct)
        {
            try
            {
                var db = Context();
                var outcomes = await WriteInSessionAsync(db, group, ct);
                db.ChangeTracker.Clear();
                return outcomes;
            }
            catch
            {
                await DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_scope is { } scope)
            {
                _scope = null;
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<StoreStatements.Outcome[]> WriteInSessionAsync(RecordsDbContext db, List<Pending> group, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await WriteInOneTripAsync(db, group, ct);
        }
        using var turn = await SqliteWriterTurns.TakeAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conflicts (ids are global, whatever the writer's scope): the same statement again is a no-op, another is 409.
        // Only ids the clients chose are looked up: a fresh version-7 id cannot be stored yet.
        var ids = group.Where(p => p.GivenId).Select(p => p.Row.Id).ToList();
        var existing = ids.Count == 0
            ? []
            : await db.Statements.IgnoreQueryFilters().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.SubmittedHash }).ToDictionaryAsync(s => s.Id, s => s.SubmittedHash, ct);
        var (outcomes, fresh) = Sort(group, existing);
        if (fresh.Count > 0)
        {
            if (fresh.Any(p => p.GivenId))
            {
                await StoreStatements.MarkLateVoidedAsync(db, fresh.Where(p => p.GivenId).Select(p => p.Row).ToList(), ct);
            }
            var activities = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in fresh.Where(p => p.ActivityJson is not null)) { activities[p.Row.ActivityId!] = p.ActivityJson!; }
            await StatementRows.UpsertActivitiesAsync(db, activities, ct);
            await StatementRows.InsertAsync(db, fresh.Select(p => p.Row).ToList(), fresh.SelectMany(p => p.Links).ToList(), ct);
        }
        await tx.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>
    /// Each statement's outcome against the stored submitted hashes of the client-chosen ids (the same statement again
    /// is a no-op, another is 409; so is a second copy within the group), and the statements still to write.
    /// </summary>
    private static (StoreStatements.Outcome[] Outcomes, List<Pending> Fresh) Sort(List<Pending> group, Dictionary<Guid, string> existing)
    {
        var outcomes = new StoreStatements.Outcome[group.Count];
        var fresh = new List<Pending>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var row = group[i].Row;
            if (!group[i].GivenId || !existing.TryGetValue(row.Id, out var hash))
            {
                if (group[i].GivenId) { existing[row.Id] = row.SubmittedHash; }
                fresh.Add(group[i]);
                outcomes[i] = new StoreStatements.Outcome(200, null, [row.Id]);
                continue;
            }
            outcomes[i] = hash == row.SubmittedHash
                ? new StoreStatements.Outcome(200, null, [row.Id])
                : StoreStatements.Outcome.Fail(409, $"statement {row.Id} already exists with different content");
        }
        return (outcomes, fresh);
    }
}

internal sealed partial class CommitSinglesTogether
{
    /// <summary>
    /// PostgreSQL: the whole group goes in one round trip in one implicit transaction (ADR 0037). Ids chosen here
    /// (version 7) cannot be stored yet, nor be a stored voiding statement's target, so they need no look-up. Ids the
    /// clients chose take one look-up trip first (ADR 0042): which are stored, with what hash, and which a stored
    /// voiding statement already targets. A same id committed between the two trips fails the write on the primary
    /// key; the group is then written one by one, and each look-up sees that row.
    /// </summary>
    private static async Task<StoreStatements.Outcome[]> WriteInOneTripAsync(RecordsDbContext db, List<Pending> group, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            var given = group.Where(p => p.GivenId).Select(p => p.Row.Id).ToArray();
            var (existing, lateVoided) = given.Length == 0 ? ([], []) : await GroupRows.LookUpAsync(connection, given, ct);
            var (outcomes, fresh) = Sort(group, existing);
            if (fresh.Count == 0)
            {
                return outcomes;
            }
            var activities = new Dictionary<string, string>(StringComparer.Ordinal);
            var rows = new List<StoredStatement>(fresh.Count);
            var links = new List<StatementLink>(fresh.Count * 4);
            foreach (var p in fresh)
            {
                if (lateVoided.Contains(p.Row.Id)) { p.Row.Voided = true; }
                rows.Add(p.Row);
                links.AddRange(p.Links);
                if (p.ActivityJson is not null) { activities[p.Row.ActivityId!] = p.ActivityJson; }
            }
            await GroupRows.WriteAsync(connection, rows, links, activities, ct);
            return outcomes;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Records:GroupCommit. Enabled = false sends single statements down the ordinary path (one transaction each).</summary>
internal sealed class GroupCommitOptions
{
    public bool Enabled { get; init; } = true;
    /// <summary>The most statements one transaction takes; the rest wait for the next flush.</summary>
    public int MaxGroup { get; init; } = 500;
    /// <summary>Groups written at once (ADR 0038). One by default: two were no faster on PostgreSQL; SQLite has one writer per file.</summary>
    public int Writers { get; init; } = 1;
    /// <summary>Send the next group before answering the last (ADR 0042); false answers first.</summary>
    public bool Pipelined { get; init; } = true;
}
