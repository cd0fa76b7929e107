using System.Text;

namespace SocialCard.Core.Persons.Rules;

/// <summary>Which code points count as Chinese characters in a name, and which of them are rare.</summary>
internal static class HanCharacters
{
    public static bool IsHan(Rune r) => r.Value switch
    {
        0x3007 => true,                    // 〇, used in some names
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3FFFF => true, // planes 2 and 3: Extensions B–I, Compatibility Supplement
        _ => IsPrivateUse(r),              // rare characters some registries encode privately
    };

    /// <summary>Outside the BMP, a compatibility ideograph, or a private-use character: fonts often lack it.</summary>
    public static bool IsRare(Rune r) =>
        !r.IsBmp || r.Value is >= 0xF900 and <= 0xFAFF || IsPrivateUse(r);

    private static bool IsPrivateUse(Rune r) => r.Value is >= 0xE000 and <= 0xF8FF;
}
