using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Core.Documents;

/// <summary>The data of one person that the batch digest covers.</summary>
public readonly record struct BatchDigestEntry(
    string IdNumber,
    string Name,
    string? Sex = null,
    string? BirthDate = null,
    string? Ethnicity = null,
    string? Phone = null,
    string? Address = null,
    string? PhotoSha256 = null);

/// <summary>
/// A short fingerprint of a batch, printed on the summary table (and in its QR code) so the hall can tell whether the
/// paper matches the electronic batch. Any change to a covered field of any person, or a person added or removed,
/// gives another digest; the order of the persons does not matter.
/// <para>
/// Canonical form (version 1): every field is Unicode-normalised (NFC) and trimmed, null becomes "", and written as
/// its UTF-8 byte length in decimal, ':' and the bytes (so no separator inside a value can fake another split);
/// a person is "SCBD1" followed by its 8 fields in <see cref="BatchDigestEntry"/> order; persons are sorted by these
/// bytes (ordinal) and hashed together with SHA-256, preceded by the person count. The digest is the first 8 bytes
/// of the hash as 16 upper-case hex characters, shown grouped by 4 (<see cref="Format"/>).
/// </para>
/// </summary>
public static class BatchDigest
{
    public const int Length = 16;

    public static string Compute(IEnumerable<BatchDigestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var persons = entries.Select(Canonical).ToList();
        persons.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(persons.Count.ToString(CultureInfo.InvariantCulture) + ";"));
        foreach (var person in persons)
        {
            hash.AppendData(person);
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, Length / 2);
    }

    /// <summary>"3F2A-91C0-5B7E-0D14": easier to read aloud and compare by eye.</summary>
    public static string Format(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return string.Join('-', digest.Chunk(4).Select(c => new string(c)));
    }

    private static byte[] Canonical(BatchDigestEntry e)
    {
        var builder = new StringBuilder("SCBD1");
        foreach (var field in (string?[])[e.IdNumber, e.Name, e.Sex, e.BirthDate, e.Ethnicity, e.Phone, e.Address, e.PhotoSha256])
        {
            var value = (field ?? "").Trim().Normalize(NormalizationForm.FormC);
            builder.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
