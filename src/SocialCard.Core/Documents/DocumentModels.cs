using SocialCard.Core.Persons;

namespace SocialCard.Core.Documents;

/// <summary>One person's row on the summary table. The full ID number is printed: the table is sealed paper for the hall.</summary>
public sealed record SummaryRow(
    string Name,
    string IdNumber,
    Sex? Sex = null,
    DateOnly? BirthDate = null,
    string? Ethnicity = null,
    string? Phone = null,
    string? Address = null);

/// <summary>
/// 社保卡信息采集汇总表 (docs/DOMAIN.md §7): the unit's list of persons in a batch, sealed by the unit and handed in at the
/// hall. <see cref="Digest"/> (see <see cref="BatchDigest"/>) and <see cref="QrPayload"/> (a URL or the batch code
/// plus digest, chosen by the caller) let the hall match the paper with the electronic batch.
/// </summary>
public sealed record SummaryTable(
    string UnitName,
    string UnitNumber,
    string BatchTitle,
    string Category,
    string Digest,
    string QrPayload,
    IReadOnlyList<SummaryRow> Rows,
    DateOnly PrintedOn,
    string? ContactPerson = null,
    string? ContactPhone = null);

/// <summary>The unit's contact (单位联系人) as the printed forms show it: the person and the phone, or null when neither is known.</summary>
public static class UnitContactText
{
    public static string? Of(string? person, string? phone)
    {
        var text = string.Join("　", new[] { person?.Trim(), phone?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
        return text.Length == 0 ? null : text;
    }
}

/// <summary>
/// 社会保障卡申领表, one A4 page per person (docs/DOMAIN.md §7). Full data, unmasked: the person signs it.
/// <see cref="Photo"/> is a JPEG with a JFIF APP0 or Exif APP1 segment (the portal's normalised photo), or null for an empty box;
/// <see cref="UnitContact"/> is the unit's contact person and phone (see <see cref="UnitContactText"/>).
/// </summary>
public sealed record ApplicationForm(
    string Name,
    string IdNumber,
    Sex? Sex,
    DateOnly? BirthDate,
    string? Ethnicity,
    string? Phone,
    string? Postcode,
    string? Address,
    string UnitName,
    string UnitNumber,
    string? PersonalNumber = null,
    string? Category = null,
    byte[]? Photo = null,
    string? UnitContact = null);

/// <summary>
/// One item of the confirmation form: its label (姓名, 性别 …) and the value as registered. With
/// <paramref name="MatchedRegistry"/> true the registry comparison confirmed the item: the form comes with ✓ ticked
/// and "---" in the correct-value blank (the Beijing form), so the person checks only the other items.
/// </summary>
public sealed record ConfirmationItem(string Label, string? RegisteredValue, bool MatchedRegistry = false);

/// <summary>
/// 个人信息确认表 (docs/DOMAIN.md §7): the person's data as held, each item with ✓ / × / 无 boxes and a blank for the
/// correct value. When the person also has a legacy 15-digit number both are printed with a box to tick the valid one.
/// </summary>
public sealed record ConfirmationForm(
    string Name,
    string UnitName,
    IReadOnlyList<ConfirmationItem> Items,
    string? IdNumber18,
    string? IdNumber15 = null,
    string? UnitContact = null);
