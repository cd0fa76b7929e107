using System.Buffers;
using System.Text;

namespace SocialCard.Core.Persons;

/// <summary>Walks text by Unicode scalar value, so that characters outside the BMP are seen whole.</summary>
internal static class TextRunes
{
    /// <summary>Each rune, or null for a lone surrogate (broken text).</summary>
    public static IEnumerable<Rune?> Of(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            yield return status == OperationStatus.Done ? rune : null;
            i += Math.Max(consumed, 1);
        }
    }
}
