using System.Threading.Channels;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Students.Features.Import;

/// <summary>A checked batch matched against the file and the database: what the writer does with it, nothing left to decide.</summary>
internal sealed record MatchedBatch(List<DraftRow> Rows, bool Write, Dictionary<Guid, DraftRow> Same, int Fresh, List<StudentRecord> Students,
    List<StatusChange> Changes, EncodedCopy? StudentCopy, EncodedCopy? ChangeCopy);

/// <summary>
/// The stage between the checks and the writer (ADR 0034): a row whose student number (or citizen ID) is already used
/// at another school is an error; one that matches a record of this school is the same student (a re-upload) and goes
/// to the writer as an update; the rest are new, built into records with an Admission change each and, on PostgreSQL,
/// already laid out as binary COPY data. Rows are compared with earlier rows of the same file first. Runs one batch
/// ahead of the writer on a connection of its own, so the single writer only streams rows into the database.
/// <para>
/// The look-ups see the database as committed before the import, not the import's own uncommitted rows: those are
/// exactly the earlier rows of the file, which the in-file checks have seen already. The one thing an earlier batch
/// can change in a record the look-ups return is its ID hash (an update), so the hashes this stage sent for update
/// are remembered and override what the look-up reads.
/// </para>
/// </summary>
internal sealed class MatchImportRows : IAsyncDisposable
{
    // Both in-file duplicate checks key 128-bit values, not strings: a million-row file kept a million number strings
    // alive in the gen-2 heap (ADR 0029). A number that does not pack (never, once validated) is kept as text.
    private readonly Dictionary<UInt128, int> _numbers = [];
    private readonly Dictionary<string, int> _otherNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, int> _ids = [];
    // Records this import updates with another ID hash: the look-up connection still reads the old one.
    private readonly Dictionary<Guid, string> _rehashed = [];
    private readonly IServiceScope _scope;
    private readonly StudentsDbContext _lookups;
    private readonly ImportJob _job;
    private readonly SchoolClasses _school;
    private readonly DateTime _now;
    private readonly bool _encodeCopy;
    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _readTransaction;
    private Task _running = Task.CompletedTask;
    private int _failed;

    private MatchImportRows(IServiceProvider sp, ImportJob job, SchoolClasses school, DateTime now)
    {
        _scope = sp.GetRequiredService<IServiceScopeFactory>().CreateScope();
        _lookups = _scope.ServiceProvider.GetRequiredService<StudentsDbContext>();
        _lookups.ChangeTracker.AutoDetectChangesEnabled = false;
        _encodeCopy = _lookups.Database.IsNpgsql();
        (_job, _school, _now) = (job, school, now);
    }

    /// <summary>Opens the look-up connection (its own, outside the import's transaction).</summary>
    public static async Task<MatchImportRows> OpenAsync(IServiceProvider sp, ImportJob job, SchoolClasses school, DateTime now, CancellationToken ct)
    {
        var match = new MatchImportRows(sp, job, school, now);
        if (match._encodeCopy)
        {
            // A read-only transaction only to scope the setting: without statistics for the rows the import is adding (the
            // table's size counts them), PostgreSQL's default selectivity made 4,096 values "the whole table" and chose a
            // sequential scan per batch (quadratic). Every look-up has an index to use. Read committed: each look-up sees
            // what other schools committed meanwhile.
            match._readTransaction = await match._lookups.Database.BeginTransactionAsync(ct);
            await match._lookups.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL transaction_read_only = on", ct);
        }
        return match;
    }

    /// <summary>
    /// Matches the checked batches in file order on a thread of its own, blocking on its look-ups: awaited, each look-up
    /// and hand-over would queue again for a pool thread behind the check stage's CPU-bound batches on 2 cores while the
    /// writer runs dry (ADR 0034). The bounded channel keeps a batch or two ready for the writer without letting a
    /// slow database pile up memory.
    /// </summary>
    public ChannelReader<MatchedBatch> Start(ChannelReader<Task<List<DraftRow>>> checkedBatches, CancellationToken ct)
    {
        var matched = Channel.CreateBounded<MatchedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        _running = Task.Factory.StartNew(() => Run(checkedBatches, matched.Writer, ct), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return matched.Reader;
    }

    private void Run(ChannelReader<Task<List<DraftRow>>> checkedBatches, ChannelWriter<MatchedBatch> matched, CancellationToken ct)
    {
        try
        {
            while (checkedBatches.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
            {
                while (checkedBatches.TryRead(out var pending))
                {
                    var batch = Match(pending.GetAwaiter().GetResult(), ct);
                    try
                    {
                        if (!matched.TryWrite(batch))
                        {
                            matched.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                        }
                    }
                    catch
                    {
                        batch.StudentCopy?.Dispose();
                        batch.ChangeCopy?.Dispose();
                        throw;
                    }
                }
            }
            matched.Complete();
        }
        catch (Exception e)
        {
            matched.Complete(e);
        }
    }

    private MatchedBatch Match(List<DraftRow> rows, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // All-or-nothing stops writing at the first bad row but reads on, so the report lists every bad row. The writer
        // marks no row bad, so the failures counted here are all there are.
        var write = _job.Mode == ImportMode.ValidRowsOnly || _failed == 0;
        var same = new Dictionary<Guid, DraftRow>();
        var fresh = new List<DraftRow>();
        CheckWithinFile(rows);
        var valid = rows.Where(r => r.IsValid).ToList();
        if (valid.Count > 0)
        {
            CheckAgainstDatabase(valid, write, same, fresh);
        }
        _failed += rows.Count(r => !r.IsValid);
        if (!write || fresh.Count == 0)
        {
            return new MatchedBatch(rows, write, same, 0, [], [], null, null);
        }
        var students = fresh.Select(NewRecord).ToList();
        var changes = students.Select(s => WriteImportBatch.Change(_job, _now, s, ChangeKind.Admission, "11", null, null)).ToList();
        return _encodeCopy
            ? new MatchedBatch(rows, write, same, students.Count, [], [], EncodedCopy.Of(BulkColumns.Student, students), EncodedCopy.Of(BulkColumns.Change, changes))
            : new MatchedBatch(rows, write, same, students.Count, students, changes, null, null);
    }

    private void CheckWithinFile(List<DraftRow> rows)
    {
        foreach (var row in rows.Where(r => r.IsValid))
        {
            var number = NumberKey(row.StudentNumber);
            if (number is { } n ? _numbers.TryGetValue(n, out var first) : _otherNumbers.TryGetValue(row.StudentNumber, out first))
            {
                row.Fail(ImportColumns.StudentNumber, $"与第{first}行的学籍号重复");
                continue;
            }
            if (row.CitizenIdHash is { } hash && _ids.TryGetValue(Key(hash), out first))
            {
                row.Fail(ImportColumns.CitizenId, $"与第{first}行的公民身份号码重复");
                continue;
            }
            if (number is { } key)
            {
                _numbers[key] = row.RowNumber;
            }
            else
            {
                _otherNumbers[row.StudentNumber] = row.RowNumber;
            }
            if (row.CitizenIdHash is { } h)
            {
                _ids[Key(h)] = row.RowNumber;
            }
        }
    }

    private sealed record Existing(Guid Id, string StudentNumber, string? CitizenIdHash, Guid? SchoolId);

    private void CheckAgainstDatabase(List<DraftRow> valid, bool write, Dictionary<Guid, DraftRow> same, List<DraftRow> fresh)
    {
        var numbers = valid.Select(r => r.StudentNumber).ToList();
        var hashes = valid.Where(r => r.CitizenIdHash is not null).Select(r => r.CitizenIdHash!).ToList();
        // A uniqueness check across the whole platform, so the scope filter is off; only ids and schools come back.
        // Two index-friendly queries rather than one with an OR, which SQLite answers with a scan.
        var existing = _lookups.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => EF.Parameter(numbers).Contains(s.StudentNumber))
            .Select(s => new Existing(s.Id, s.StudentNumber, s.CitizenIdHash, s.SchoolId))
            .ToList();
        existing.AddRange(_lookups.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CitizenIdHash != null && EF.Parameter(hashes).Contains(s.CitizenIdHash))
            .Select(s => new Existing(s.Id, s.StudentNumber, s.CitizenIdHash, s.SchoolId))
            .ToList());
        existing = existing.DistinctBy(e => e.Id)
            .Select(e => _rehashed.TryGetValue(e.Id, out var now) ? e with { CitizenIdHash = now } : e)
            .ToList();
        var byNumber = existing.ToDictionary(e => e.StudentNumber);
        var byHash = existing.Where(e => e.CitizenIdHash is not null).GroupBy(e => e.CitizenIdHash!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in valid)
        {
            if (!row.IsValid)
            {
                continue;
            }
            var match = byNumber.GetValueOrDefault(row.StudentNumber);
            if (match is not null && match.SchoolId != _job.SchoolId)
            {
                row.Fail(ImportColumns.StudentNumber, "已被其他学校的学生使用（同一学生请办理转学）");
                continue;
            }
            var sameId = row.CitizenIdHash is { } h ? byHash.GetValueOrDefault(h) ?? [] : [];
            if (match is null && sameId.Any(e => e.SchoolId != _job.SchoolId))
            {
                row.Fail(ImportColumns.CitizenId, "该学生已在其他学校有学籍（请办理转学）");
                continue;
            }
            match ??= sameId.FirstOrDefault(e => e.SchoolId == _job.SchoolId);
            if (match is null)
            {
                fresh.Add(row);
            }
            else if (!same.TryAdd(match.Id, row))
            {
                row.Fail(ImportColumns.CitizenId, "与本文件中另一行是同一学生");
            }
            else if (write && row.CitizenIdHash is { } newHash && newHash != match.CitizenIdHash)
            {
                // WriteImportBatch.Apply stores the file's ID on this record.
                _rehashed[match.Id] = newHash;
            }
        }
    }

    private StudentRecord NewRecord(DraftRow d)
    {
        var record = new StudentRecord
        {
            StudentNumber = d.StudentNumber,
            CitizenIdCipher = d.CitizenIdCipher,
            CitizenIdHash = d.CitizenIdHash,
            CitizenIdMasked = d.CitizenIdMasked,
            Status = EnrolmentStatus.Enrolled,
            UrbanRural = _school.UrbanRural,
            Guardians = WriteImportBatch.Guardians(d),
            CreatedAt = _now,
            UpdatedAt = _now,
        };
        WriteImportBatch.Apply(record, d);
        record.PlaceAt(d.Class!.Key);
        return record;
    }

    /// <summary>The first 128 bits of the keyed hash: a compact key for the in-file duplicate check of a million rows.</summary>
    private static UInt128 Key(string hexHash)
    {
        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(hexHash.AsSpan(0, 32), bytes, out _, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>
    /// A student number as a number: each character 0-9 / A-Z is a digit 1-36 in base 37 (0 is never a digit, so
    /// lengths cannot collide), which is exact up to 24 characters; student numbers have 19. Null if it does not fit.
    /// </summary>
    internal static UInt128? NumberKey(string number)
    {
        if (number.Length > 24)
        {
            return null;
        }
        UInt128 key = 0;
        foreach (var c in number)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0' + 1,
                >= 'A' and <= 'Z' => c - 'A' + 11,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }
            key = key * 37 + (uint)digit;
        }
        return key;
    }

    /// <summary>After the stage has stopped (the caller cancels it first): a connection given back mid-query would reach the next user broken.</summary>
    public async ValueTask DisposeAsync()
    {
        await _running;
        if (_readTransaction is not null)
        {
            await _readTransaction.DisposeAsync();
        }
        _scope.Dispose();
    }
}
