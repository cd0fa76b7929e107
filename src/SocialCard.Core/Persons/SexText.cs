namespace SocialCard.Core.Persons;

/// <summary>Converts between <see cref="Sex"/> and the text used in rosters and on forms.</summary>
public static class SexText
{
    /// <summary>"男" or "女".</summary>
    public static string ToChinese(this Sex sex) => sex == Sex.Male ? "男" : "女";

    /// <summary>Accepts 男 / 女, 男性 / 女性 and the GB/T 2261.1 codes 1 / 2 (half- or full-width), surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out Sex sex)
    {
        switch (text?.Trim())
        {
            case "男" or "男性" or "1" or "１":
                sex = Sex.Male;
                return true;
            case "女" or "女性" or "2" or "２":
                sex = Sex.Female;
                return true;
            default:
                sex = default;
                return false;
        }
    }
}
