using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace SocialCard.Core.Register;

/// <summary>One row of the insurance system's export: which unit a person belongs to and their registered data.</summary>
public sealed record RegisterRow(int RowNumber, string UnitNumber, string PersonalNumber, string? Category, string Name, string IdNumber);

/// <summary>The rows of a register export, and every problem found (row number and a Chinese message).</summary>
public sealed record RegisterFileResult(IReadOnlyList<RegisterRow> Rows, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads the insurance system's export of insured persons (.xlsx, .xls or .csv; header row with
/// 单位编号, 个人编号, 人员类别, 姓名, 身份证号码). The whole file is refused if any row is unusable,
/// so an import never half-happens.
/// </summary>
public static class RegisterFile
{
    private static readonly string[] Required = ["单位编号", "个人编号", "姓名", "身份证号码"];

    static RegisterFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RegisterFileResult Read(Stream content, string fileName, int maxRows = 500_000)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".xls" or ".csv"))
        {
            return Fail("请上传社保系统导出的 .xlsx、.xls 或 .csv 文件。");
        }

        try
        {
            using var reader = extension == ".csv"
                ? ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding("GB18030") })
                : ExcelReaderFactory.CreateReader(content);
            return ReadRows(reader, maxRows);
        }
        catch (Exception ex) when (ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return Fail("文件无法读取：不是有效的表格文件，或已损坏、设置了密码。请从社保系统重新导出。");
        }
    }

    private static RegisterFileResult ReadRows(IExcelDataReader reader, int maxRows)
    {
        var problems = new List<string>();
        var rows = new List<RegisterRow>();
        Dictionary<string, int>? columns = null;
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i))).ToArray();
            if (cells.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (columns is null)
            {
                columns = cells.Select((h, i) => (h, i)).Where(x => x.h.Length > 0).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
                var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
                if (missing.Count > 0)
                {
                    return Fail($"表头缺少列：{string.Join("、", missing)}。第一行须为列名：单位编号、个人编号、人员类别、姓名、身份证号码。");
                }

                continue;
            }

            if (rows.Count >= maxRows)
            {
                return Fail($"文件超过 {maxRows} 行，请分批导入。");
            }

            string Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Length ? cells[i] : "";
            var row = new RegisterRow(rowNumber, Cell("单位编号"), Cell("个人编号"), NullIfEmpty(Cell("人员类别")), Cell("姓名"), Cell("身份证号码").ToUpperInvariant());
            if (row.UnitNumber.Length == 0 || row.PersonalNumber.Length == 0 || row.Name.Length == 0 || row.IdNumber.Length == 0)
            {
                problems.Add($"第 {rowNumber} 行：单位编号、个人编号、姓名、身份证号码都不能为空。");
            }
            else if (row.PersonalNumber.Length > 30 || row.Name.Length > 50 || row.IdNumber.Length > 40 || row.Category is { Length: > 30 })
            {
                problems.Add($"第 {rowNumber} 行：内容过长，请核对是否错列。");
            }
            else
            {
                rows.Add(row);
            }
        }

        if (columns is null || (rows.Count == 0 && problems.Count == 0))
        {
            return Fail("文件中没有人员数据。");
        }

        var duplicates = rows.GroupBy(r => r.PersonalNumber).Where(g => g.Count() > 1).Take(10)
            .Select(g => $"个人编号 {g.Key} 重复出现在第 {string.Join("、", g.Select(r => r.RowNumber))} 行。");
        problems.AddRange(duplicates);
        return new RegisterFileResult(problems.Count == 0 ? rows : [], problems);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static RegisterFileResult Fail(string problem) => new([], [problem]);
}
