namespace SocialCard.Core.Rosters;

/// <summary>
/// Formula-injection (CSV injection) guard for every text cell the portal writes into a spreadsheet, after the
/// OWASP guidance: text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a
/// single quote in front, so neither Excel nor LibreOffice (nor a CSV saved from the workbook) ever treats a
/// clerk's address like <c>=HYPERLINK(…)</c> as a formula. The portal's reader takes that one quote off again,
/// so an exported roster reads back as the original text.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The prefix that makes a cell inert.</summary>
    public const char Quote = '\'';

    /// <summary>Characters that make a spreadsheet program read a cell as a formula (or hide one behind whitespace).</summary>
    public static bool StartsLikeFormula(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text to write into a cell: <paramref name="value"/>, quoted when it starts like a formula.</summary>
    public static string Neutralise(string value) =>
        StartsLikeFormula(value) ? Quote + value : value;

    /// <summary>Reverses <see cref="Neutralise"/>: one leading quote before a formula character is dropped.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == Quote && StartsLikeFormula(value[1..]) ? value[1..] : value;
}
