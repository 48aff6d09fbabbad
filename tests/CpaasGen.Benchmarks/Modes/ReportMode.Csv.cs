using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>Reading BenchmarkDotNet's *-report.csv files.</summary>
internal static partial class ReportMode
{
    private static List<Row> LoadCsv(string dir)
    {
        var rows = new List<Row>();
        if (!Directory.Exists(dir))
        {
            return rows;
        }

        foreach (var file in Directory.GetFiles(dir, "*-report.csv"))
        {
            var className = Path.GetFileName(file).Replace("-report.csv", string.Empty, StringComparison.Ordinal);
            className = className[(className.LastIndexOf('.') + 1)..];
            var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
            if (lines.Count < 2)
            {
                continue;
            }

            var header = SplitCsv(lines[0]);
            int Col(string prefix) => header.FindIndex(h => h == prefix || h.StartsWith(prefix + " [", StringComparison.Ordinal));
            var method = Col("Method");
            var categories = Col("Categories");
            var kind = Col("Kind");
            var mean = Col("Mean");
            var error = Col("Error");
            var allocated = Col("Allocated");
            foreach (var line in lines.Skip(1))
            {
                var cells = SplitCsv(line);
                var name = cells[method];
                var category = categories >= 0 ? cells[categories] : string.Empty;
                var underscore = name.IndexOf('_', StringComparison.Ordinal);
                rows.Add(new Row(
                    className,
                    name,
                    category,
                    underscore >= 0 ? name[(underscore + 1)..] : name,
                    kind >= 0 ? cells[kind] : string.Empty,
                    Number(cells[mean]),
                    error >= 0 ? Number(cells[error]) : 0,
                    allocated >= 0 ? Number(cells[allocated]) : 0));
            }
        }

        return rows;
    }

    private static double Number(string text)
    {
        var clean = text.Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        return double.TryParse(clean, NumberStyles.Float, Inv, out var value) ? value : double.NaN;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static T? Load<T>(string? path)
        where T : class
        => path is not null && File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) : null;
}
