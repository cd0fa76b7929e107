using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialCard.Data.Configurations;

/// <summary>
/// A typed property kept as one JSON text column: read and written whole, never queried inside. One serializer
/// setting for every such column (Chinese as characters), so what is stored reads the same everywhere.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Stores the property as JSON in <paramref name="column"/>; an empty or null text reads as <paramref name="empty"/>.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, string column, Func<T> empty)
        where T : class
    {
        var converter = new ValueConverter<T, string>(v => Write(v), v => Read(v, empty));
        var comparer = new ValueComparer<T>((a, b) => Write(a!) == Write(b!), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read(Write(v), empty));
        return property.HasConversion(converter, comparer).HasColumnName(column).IsRequired();
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Read<T>(string text, Func<T> empty) =>
        string.IsNullOrWhiteSpace(text) ? empty() : JsonSerializer.Deserialize<T>(text, Options) ?? empty();
}
