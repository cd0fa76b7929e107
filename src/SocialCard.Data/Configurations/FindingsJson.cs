using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Core.Validation;

namespace SocialCard.Data.Configurations;

/// <summary>A person's findings as one JSON text column: read and written whole, never queried inside.</summary>
internal static class FindingsJson
{
    public static readonly ValueConverter<IReadOnlyList<Finding>, string> Converter = JsonColumn.ListOf<Finding>();

    public static readonly ValueComparer<IReadOnlyList<Finding>> Comparer = JsonColumn.ListComparer<Finding>();
}
