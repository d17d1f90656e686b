namespace EduCloud.Monitoring.OpenData;

/// <summary>Why a published cell is blank.</summary>
internal enum Suppressed
{
    No = 0,
    /// <summary>The cell counts fewer than <see cref="SmallNumberSuppression.Threshold"/> people (shown "&lt;5").</summary>
    Small = 1,
    /// <summary>Blanked so that a small cell cannot be worked out from its row or column total (shown "*").</summary>
    Secondary = 2,
}

/// <summary>
/// 小数抑制: primary suppression of every person count below 5 (zero included: "no cell may count fewer than 5
/// people"), then secondary (complementary) suppression: a row (cells + its total) or a column (cells + the total row)
/// must never hold exactly one blank, or that blank is the total minus the rest. While some line has exactly one,
/// the smallest other published cell of that line is blanked too (the total last). Repeats until no line has one.
/// The grid's last column is each row's total and its last row holds the column totals.
/// </summary>
internal static class SmallNumberSuppression
{
    public const int Threshold = 5;

    public static Suppressed[,] Apply(long[,] grid)
    {
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        var marks = new Suppressed[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                marks[r, c] = grid[r, c] < Threshold ? Suppressed.Small : Suppressed.No;
            }
        }
        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < rows; r++)
            {
                changed |= Complete(grid, marks, Enumerable.Range(0, cols).Select(c => (r, c)).ToList());
            }
            for (var c = 0; c < cols; c++)
            {
                changed |= Complete(grid, marks, Enumerable.Range(0, rows).Select(r => (r, c)).ToList());
            }
        }
        while (changed);
        return marks;
    }

    /// <summary>One line (cells then its total): if exactly one is blank, blank the smallest other cell, the total only if nothing else is left.</summary>
    private static bool Complete(long[,] grid, Suppressed[,] marks, List<(int R, int C)> line)
    {
        if (line.Count < 2 || line.Count(p => marks[p.R, p.C] != Suppressed.No) != 1)
        {
            return false;
        }
        var cells = line.Take(line.Count - 1).Where(p => marks[p.R, p.C] == Suppressed.No).OrderBy(p => grid[p.R, p.C]).ToList();
        var pick = cells.Count > 0 ? cells[0] : line[^1];
        marks[pick.R, pick.C] = Suppressed.Secondary;
        return true;
    }
}
