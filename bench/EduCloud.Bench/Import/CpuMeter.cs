using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EduCloud.Bench.Import;

/// <summary>
/// CPU seconds spent on one measurement: this process, plus (PostgreSQL) the server backends connected to the bench
/// database, read from /proc. On a shared machine the wall clock says more about the neighbours than about the code;
/// CPU per row does not, and rows ÷ (CPU ÷ cores) is what the same work would take on the idle machine.
/// </summary>
internal sealed class CpuMeter
{
    private readonly string? _adminConnection;
    private readonly string? _database;
    private readonly int? _pid;
    private readonly double _processStart;
    private Dictionary<int, double> _backendsStart = [];

    private CpuMeter(string? adminConnection, string? database, int? pid)
    {
        (_adminConnection, _database, _pid) = (adminConnection, database, pid);
        _processStart = ProcessSeconds();
    }

    /// <summary>Starts counting; <paramref name="pid"/> is another process to count instead of this one (a server under load).</summary>
    public static async Task<CpuMeter> StartAsync(string? adminConnection, string? database, int? pid = null)
    {
        var meter = new CpuMeter(adminConnection, database, pid);
        meter._backendsStart = await meter.BackendsAsync();
        return meter;
    }

    public async Task<(double Process, double Database)> StopAsync()
    {
        var process = ProcessSeconds() - _processStart;
        var backends = await BackendsAsync();
        var database = backends.Sum(b => b.Value - _backendsStart.GetValueOrDefault(b.Key));
        return (process, database);
    }

    private double ProcessSeconds() =>
        _pid is { } pid ? StatSeconds(File.ReadAllText($"/proc/{pid}/stat")) : Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>utime + stime of a /proc/PID/stat line: the 12th and 13th fields after the command name, in clock ticks (100 per second).</summary>
    private static double StatSeconds(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private async Task<Dictionary<int, double>> BackendsAsync()
    {
        var result = new Dictionary<int, double>();
        if (_adminConnection is null)
        {
            return result;
        }
        await using var c = new NpgsqlConnection(_adminConnection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @d", c);
        cmd.Parameters.AddWithValue("d", _database!);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            try
            {
                result[pid] = StatSeconds(await File.ReadAllTextAsync($"/proc/{pid}/stat"));
            }
            catch (IOException)
            {
                // The backend ended between the query and the read.
            }
        }
        return result;
    }
}
