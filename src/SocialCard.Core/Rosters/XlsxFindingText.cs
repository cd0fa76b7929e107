using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>How findings look in an annotated workbook: fill colours, comment text, severity labels.</summary>
internal static class XlsxFindingText
{
    /// <summary>
    /// The comment author. Comments by this author are the portal's own and are removed when an annotated
    /// file is annotated again; comments by anyone else are the clerk's.
    /// </summary>
    public const string Author = "社保卡信息采集平台";

    // Deliberately unusual shades (not Excel's built-in 好/差/适中 styles), so that a fill with one of these
    // colours can be recognised as the portal's own annotation and removed on the next upload.
    public const string ErrorFill = "FFFF9F9F";
    public const string WarningFill = "FFFFE27A";
    public const string FixedFill = "FFCBEFB6";

    public static string Fill(Severity severity) => severity switch
    {
        Severity.Error => ErrorFill,
        Severity.Warning => WarningFill,
        _ => FixedFill,
    };

    public static bool IsAnnotationFill(string? argb) =>
        argb is not null && (argb.Equals(ErrorFill, StringComparison.OrdinalIgnoreCase)
            || argb.Equals(WarningFill, StringComparison.OrdinalIgnoreCase)
            || argb.Equals(FixedFill, StringComparison.OrdinalIgnoreCase));

    public static string Label(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "提醒",
        _ => "已修正",
    };

    /// <summary>Errors first: a cell with an error and a warning is shown red.</summary>
    public static int Rank(Severity severity) => severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };

    public static string TooManyComments(int cells, int commented, int lastRow) =>
        $"本表共有{cells}个单元格有问题，都已标色；为了文件能正常打开，只给前{commented}个（到第{lastRow}行）加了批注。全部问题见“{RosterTemplate.ErrorsSheetName}”工作表。";

    public static string CommentLine(RosterFinding f) => $"{f.Finding.Code}：{f.Finding.Message}";

    /// <summary>The 说明 column of 错误清单: the message plus the portal's suggested value, if any.</summary>
    public static string Explanation(Finding f) =>
        string.IsNullOrEmpty(f.SuggestedValue) || f.Message.Contains(f.SuggestedValue, StringComparison.Ordinal)
            ? f.Message
            : $"{f.Message}（建议值：{f.SuggestedValue}）";
}
