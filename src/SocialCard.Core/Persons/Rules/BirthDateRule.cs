using System.Globalization;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>BIRTHDATE_MISSING, BIRTHDATE_INVALID, BIRTHDATE_MISMATCH_ID. Normalises to yyyy-MM-dd.</summary>
internal static class BirthDateRule
{
    private const string Field = PersonFields.BirthDate;
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static string Check(string? raw, CitizenId? id, DateOnly today, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        var fromId = id is null ? null : Format(id.BirthDate);
        if (text.Length == 0)
        {
            // Without a usable ID number there is nothing to fill in; the ID finding already blocks the person.
            if (fromId is not null)
            {
                findings.Add(new Finding(
                    RuleCodes.BirthDateMissing,
                    Severity.Fixed,
                    Field,
                    $"出生日期未填写，已按身份证号码填为{fromId}：请核对",
                    fromId));
            }

            return fromId ?? "";
        }

        if (!DateText.TryParse(text, out var date))
        {
            findings.Add(Invalid($"出生日期“{text}”无法识别：请按“1990-01-31”的格式填写", fromId));
            return text;
        }

        var normalized = Format(date);
        if (date < Earliest || date > today)
        {
            var problem = date < Earliest ? "早于1900年" : "晚于今天";
            findings.Add(Invalid($"出生日期{normalized}{problem}：请对照身份证原件填写", fromId));
        }
        else if (fromId is not null && fromId != normalized)
        {
            findings.Add(new Finding(
                RuleCodes.BirthDateMismatchId,
                Severity.Error,
                Field,
                $"出生日期{normalized}与身份证号码中的出生日期{fromId}不一致：请对照身份证原件核对出生日期和身份证号码",
                fromId));
        }

        return normalized;
    }

    private static Finding Invalid(string message, string? suggested) =>
        new(RuleCodes.BirthDateInvalid, Severity.Error, Field, message, suggested);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
