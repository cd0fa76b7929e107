using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SocialCard.Core.Persons.Rules;

namespace SocialCard.Core.Units;

/// <summary>What the clerk or the information centre typed for a unit's 单位信息 (contact person, phone, e-mail, address).</summary>
public sealed record UnitProfileInput(string? ContactPerson, string? Phone, string? Email, string? Address);

/// <summary>The checked profile: normalised values (null for an empty item) and the Chinese errors, if any.</summary>
public sealed record UnitProfileCheck(string? ContactPerson, string? Phone, string? Email, string? Address, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Copies the checked values onto the unit (only call when <see cref="Succeeded"/>).</summary>
    public void ApplyTo(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        unit.ContactPerson = ContactPerson;
        unit.Phone = Phone;
        unit.Email = Email;
        unit.Address = Address;
    }
}

/// <summary>
/// 单位信息 (docs/DOMAIN.md §3, Xiaoyi): every item is required before a batch is declared, no item may hold a tab, line
/// break or other control character, a landline is written 区号-号码 with an ASCII hyphen (full-width and dash
/// variants are normalised to "-"), a mobile number has 11 digits, and the e-mail address has the basic form.
/// </summary>
public static partial class UnitProfile
{
    public const int NameMaxLength = 100;
    public const int ContactPersonMaxLength = 50;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 100;
    public const int AddressMaxLength = 200;

    public const string ContactPersonLabel = "联系人";
    public const string PhoneLabel = "联系电话";
    public const string EmailLabel = "电子邮箱";
    public const string AddressLabel = "单位地址";

    /// <summary>The clerk's page for the unit's profile (named in the declaration's refusal).</summary>
    public const string PagePath = "/Unit/Profile";

    /// <summary>The items of the profile the unit has not filled in, in the page's order (empty when complete).</summary>
    public static IReadOnlyList<string> Missing(string? contactPerson, string? phone, string? email, string? address) =>
        [.. new[] { (ContactPersonLabel, contactPerson), (PhoneLabel, phone), (EmailLabel, email), (AddressLabel, address) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1)];

    public static IReadOnlyList<string> Missing(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Missing(unit.ContactPerson, unit.Phone, unit.Email, unit.Address);
    }

    /// <summary>The refusal of a declaration while items are missing, or null when the profile is complete.</summary>
    public static string? DeclarationRefusal(IReadOnlyList<string> missing) => missing.Count == 0
        ? null
        : $"请先完善单位信息（缺少：{string.Join("、", missing)}）后再申报：点击页面上方的“单位信息”填写。";

    /// <summary>
    /// Checks and normalises a profile. <paramref name="required"/>: every item must be filled (the clerk's page);
    /// otherwise empty items are allowed (the information centre may leave them to the clerk) but filled ones are checked.
    /// </summary>
    public static UnitProfileCheck Check(UnitProfileInput input, bool required)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        var contact = Text(input.ContactPerson, ContactPersonLabel, ContactPersonMaxLength, required, errors, out _);

        var phone = Text(input.Phone, PhoneLabel, PhoneMaxLength, required, errors, out var phoneReadable, NormalizePhone);
        if (phone is not null && phoneReadable && !PhoneRule.IsValid(phone))
        {
            errors.Add($"联系电话“{phone}”格式不对：请填写11位手机号码（如13912345678），或写成“区号-号码”的座机号码（如0536-8234567，分机接在最后：0536-8234567-801），区号和号码之间用英文短横线“-”连接，不加空格。");
        }

        var email = Text(input.Email, EmailLabel, EmailMaxLength, required, errors, out var emailReadable, e => e.Replace('＠', '@').Replace('．', '.'));
        if (email is not null && emailReadable && !EmailPattern().IsMatch(email))
        {
            errors.Add($"电子邮箱“{email}”格式不对：请写成“名称@域名”的形式，如 hr@example.com，不要有空格和中文标点。");
        }

        var address = Text(input.Address, AddressLabel, AddressMaxLength, required, errors, out _);
        return new UnitProfileCheck(contact, phone, email, address, errors);
    }

    /// <summary>
    /// The refusal of a unit datum holding a tab, line break or other control character (unit name, number and the
    /// profile alike), or null when it has none.
    /// </summary>
    public static string? BadCharacters(string label, string? text)
    {
        var kinds = text is null ? [] : AddressRule.BadKinds(text);
        return kinds.Count == 0 ? null : $"{label}中有{string.Join("、", kinds)}：请删除这些字符，写成连续的一行文字。";
    }

    /// <summary>Full-width digits become ASCII and every dash variant (－ — – ‐ ‑ − ―) becomes the ASCII hyphen.</summary>
    public static string NormalizePhone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '－' or '—' or '–' or '‐' or '‑' or '−' or '―' or '﹣' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Trims and checks one item; <paramref name="clean"/>: no error so far, so its format can be checked next.</summary>
    private static string? Text(string? raw, string label, int maxLength, bool required, List<string> errors, out bool clean, Func<string, string>? normalize = null)
    {
        clean = false;
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add($"{label}未填写：单位信息的所有项目都必须填写。");
            }

            return null;
        }

        if (BadCharacters(label, text) is { } bad)
        {
            errors.Add(bad);
            return text;
        }

        text = normalize?.Invoke(text) ?? text;
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength)
        {
            errors.Add($"{label}有{length}个字，最多{maxLength}个字：请精简。");
            return text;
        }

        clean = true;
        return text;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}
