using System.Globalization;

namespace SocialCard.Web.Infrastructure;

/// <summary>A file size as a clerk reads it: KB below one megabyte, MB with one decimal above.</summary>
public static class FileSizes
{
    public static string Describe(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");
}
