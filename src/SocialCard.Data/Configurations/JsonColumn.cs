using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialCard.Data.Configurations;

/// <summary>
/// The one way a typed property becomes a JSON text column: read and written whole, never queried inside, Chinese
/// text kept readable (no \u escapes). A list whose model type may change keeps a stored shape of its own, so the
/// column's JSON stays what it was.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The list as a JSON array of its items.</summary>
    public static ValueConverter<IReadOnlyList<T>, string> ListOf<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    /// <summary>The list as a JSON array of each item's stored shape (<paramref name="store"/>, read back with <paramref name="load"/>).</summary>
    public static ValueConverter<IReadOnlyList<T>, string> ListOf<T, TStored>(Func<T, TStored> store, Func<TStored, T> load) => new(
        v => JsonSerializer.Serialize(v.Select(store), Options),
        v => (JsonSerializer.Deserialize<List<TStored>>(v, Options) ?? new List<TStored>()).Select(load).ToList());

    /// <summary>Item by item (records compare by value), so a list changed in place is saved.</summary>
    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, item) => HashCode.Combine(h, item)),
        v => v.ToList());

    /// <summary>
    /// A whole object (not a list) as JSON in <paramref name="column"/>, compared by its JSON; an empty text reads
    /// as <paramref name="empty"/>.
    /// </summary>
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
