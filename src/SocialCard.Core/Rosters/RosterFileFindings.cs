using System.Globalization;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The file-level findings of <see cref="RosterReader"/> (docs/RULES.md, "File level"), each with a message that
/// tells the clerk what to upload instead. Row 0 and no column: they concern the whole file.
/// </summary>
internal static class RosterFileFindings
{
    private const string UseTemplate = "请用本系统下载的模板填写，另存为 .xlsx 后重新上传";

    public static RosterFinding UnsupportedExtension(string extension)
    {
        var shown = extension.Length == 0 ? "无扩展名" : $"“{extension}”";
        var macro = extension is ".xlsm" or ".xltm" or ".xlam" ? "（启用宏的工作簿不能上传）" : "";
        return Unreadable($"不支持{shown}格式的文件{macro}：请上传 .xlsx、.xls 或 .csv 格式的花名册文件，建议使用本系统下载的 .xlsx 模板");
    }

    public static RosterFinding ContentMismatch(string extension, string actualKind) =>
        Unreadable($"文件内容与扩展名“{extension}”不符（实际是{actualKind}）：请用 Excel 打开后另存为 .xlsx 再上传");

    public static RosterFinding NotASpreadsheet(string extension) =>
        Unreadable($"文件不是有效的{extension}表格文件，无法读取：{UseTemplate}");

    public static RosterFinding Corrupt() =>
        Unreadable($"文件已损坏或格式不正确，无法读取：请用 Excel 打开确认内容完整后，{UseTemplate}");

    public static RosterFinding PasswordProtected() =>
        Unreadable("文件设置了密码，请取消密码后重新上传（在 Excel 中：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存）");

    public static RosterFinding MacroWorkbook() =>
        Unreadable("文件是包含宏的工作簿，出于安全原因不能上传：请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后重新上传");

    public static RosterFinding Oversized() =>
        Unreadable($"文件解压后过大或结构异常，无法安全读取：{UseTemplate}");

    public static RosterFinding UnsafeXml() =>
        Unreadable($"文件中含有不允许的内容（XML 文档类型定义），无法安全读取：{UseTemplate}");

    public static RosterFinding TooManyRowNumbers(int maxRowNumber) =>
        Unreadable($"文件的行号超过了 Excel 允许的 {maxRowNumber.ToString("N0", CultureInfo.InvariantCulture)} 行，文件可能已损坏：{UseTemplate}");

    public static RosterFinding BinaryCsv() =>
        Unreadable("文件不是文本格式的 CSV 文件：请上传 .xlsx、.xls 或 .csv 格式的花名册文件，建议使用本系统下载的 .xlsx 模板");

    public static RosterFinding TooManyBytes(long actual, long max) => File(
        RuleCodes.FileTooLarge,
        $"文件大小为{Size(actual)}，超过了{Size(max)}的上限：请拆分成几个文件分别上传");

    public static RosterFinding TooManyRows(int maxRows) => File(
        RuleCodes.FileTooLarge,
        $"文件中的人员超过了{maxRows.ToString(CultureInfo.InvariantCulture)}行的上限：请拆分成几个文件分别上传，每个文件不超过{maxRows.ToString(CultureInfo.InvariantCulture)}行");

    public static RosterFinding Empty() => File(
        RuleCodes.FileEmpty,
        "文件中没有人员数据：请在表头下一行（第2行）起填写人员信息后重新上传");

    public static RosterFinding HeaderUnrecognized(IReadOnlyList<string> missing, IReadOnlyList<string> unknown, IReadOnlyList<string> duplicated)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("缺少" + Quoted(missing));
        }

        if (unknown.Count > 0)
        {
            parts.Add("多出模板中没有的" + Quoted(unknown));
        }

        if (duplicated.Count > 0)
        {
            parts.Add("重复的" + Quoted(duplicated));
        }

        return File(
            RuleCodes.FileTemplateUnrecognized,
            $"表头与模板不一致（{string.Join("；", parts)}）：请重新下载模板，按模板填写，不要增加、删除或改名任何列");
    }

    public static RosterFinding HeaderNotFound(int searchedRows) => File(
        RuleCodes.FileTemplateUnrecognized,
        $"前{searchedRows}行中找不到表头：请重新下载模板，表头在第1行，不要改变模板的格式");

    public static RosterFinding OutdatedTemplate(string found) => File(
        RuleCodes.FileTemplateUnrecognized,
        $"模板版本已过期（文件中是“{Shorten(found)}”，当前是“{RosterTemplate.Version}”），请重新下载模板，把人员信息复制到新模板后上传");

    private static RosterFinding Unreadable(string message) => File(RuleCodes.FileUnreadable, message);

    // Field "File": these findings belong to no person field.
    private static RosterFinding File(string code, string message) =>
        new(0, null, new Finding(code, Severity.Error, "File", message), null);

    private static string Quoted(IReadOnlyList<string> names)
    {
        const int shownAtMost = 8;
        var shown = string.Concat(names.Take(shownAtMost).Select(n => $"“{Shorten(n)}”"));
        return names.Count > shownAtMost ? $"{shown}等{names.Count}列" : shown;
    }

    // Headers and markers come from the uploaded file: keep what a message repeats short.
    private static string Shorten(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
