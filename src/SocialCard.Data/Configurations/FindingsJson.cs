using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Core.Validation;

namespace SocialCard.Data.Configurations;

/// <summary>A person's findings as one JSON text column: read and written whole, never queried inside.</summary>
internal static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ValueConverter<IReadOnlyList<Finding>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<Finding>>(v, Options) ?? new List<Finding>());

    public static readonly ValueComparer<IReadOnlyList<Finding>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, f) => HashCode.Combine(h, f.GetHashCode())),
        v => v.ToList());
}
