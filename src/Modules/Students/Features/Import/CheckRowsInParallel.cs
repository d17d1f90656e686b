using System.Threading.Channels;
using EduCloud.Kernel.Privacy;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// The CPU-bound middle of the import: each batch the reader hands on is checked (ValidateRow) and its valid rows are
/// encrypted and hashed on a pool thread of its own, so all cores work while the writer is busy with the database.
/// Batches come out in file order (the writer's "same as row N" checks depend on it), and the bounded channel of
/// pending batches keeps memory flat whichever side is slower.
/// </summary>
internal static class CheckRowsInParallel
{
    public static ChannelReader<Task<List<DraftRow>>> Start(ChannelReader<List<SheetRow>> batches, int[] columnMap, ClassFinder classes, DateOnly today,
        PersonalDataProtector protector, CancellationToken ct)
    {
        var pending = Channel.CreateBounded<Task<List<DraftRow>>>(new BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount * 2))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.ReadAllAsync(ct))
                {
                    var rows = batch;
                    await pending.Writer.WriteAsync(Task.Run(() => Check(rows, columnMap, classes, today, protector), ct), ct);
                }
                pending.Writer.Complete();
            }
            catch (Exception e)
            {
                pending.Writer.Complete(e);
            }
        }, ct);
        return pending.Reader;
    }

    private static List<DraftRow> Check(List<SheetRow> batch, int[] columnMap, ClassFinder classes, DateOnly today, PersonalDataProtector protector)
    {
        var rows = new List<DraftRow>(batch.Count);
        foreach (var sheetRow in batch)
        {
            var row = ValidateRow.Check(sheetRow, columnMap, classes, today);
            if (row.IsValid)
            {
                Protect(row, protector);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The only place the plain ID and phone become their stored forms (cipher, keyed hash, mask).</summary>
    private static void Protect(DraftRow row, PersonalDataProtector protector)
    {
        if (row.CitizenId is { } id)
        {
            row.CitizenIdCipher = protector.Protect(id);
            row.CitizenIdHash = protector.Hash(id);
            row.CitizenIdMasked = string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14));
        }
        if (row.GuardianPhone is { } phone)
        {
            row.GuardianPhoneCipher = protector.Protect(phone);
            row.GuardianPhoneMasked = ValidateRow.MaskPhone(phone);
        }
    }
}
