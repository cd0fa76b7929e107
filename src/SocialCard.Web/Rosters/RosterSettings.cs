using SocialCard.Core.Rosters;
using SocialCard.Core.Units;

namespace SocialCard.Web.Rosters;

/// <summary>The "Rosters" configuration section: upload limits and the person categories of the template's list.</summary>
public sealed class RosterSettings
{
    public const string Section = "Rosters";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The largest roster file the portal still receives (twice <see cref="MaxBytes"/>): one over <see cref="MaxBytes"/>
    /// but within this reaches the importer and is recorded and audited as a refused upload (FILE_TOO_LARGE, its
    /// content not kept); a larger request is cut before it is read (<see cref="Infrastructure.UploadLimits"/>).
    /// </summary>
    public long ReceiveMaxBytes => MaxBytes > long.MaxValue / 2 ? long.MaxValue : MaxBytes * 2;

    public int MaxRows { get; set; } = 100_000;

    /// <summary>Roster imports and bulk photo imports one instance runs at once (each large one takes hundreds of MB).</summary>
    public int MaxConcurrentImports { get; set; } = 2;

    /// <summary>How long an upload waits for a free import slot before it is refused with when to retry.</summary>
    public int ImportQueueSeconds { get; set; } = 20;

    /// <summary>The 人员类别 values of the template when <c>Rosters:Categories</c> names none.</summary>
    public static readonly IReadOnlyList<string> BuiltInCategories = ["在职", "退休", "学生", "灵活就业", "城镇居民", "农村居民", "其他"];

    /// <summary>
    /// <c>Rosters:Categories</c> as configured (empty: <see cref="BuiltInCategories"/>). It starts empty because the
    /// configuration binder adds a configured list to the items a list already holds instead of replacing them.
    /// </summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>The 人员类别 values the template and the annotated workbooks list: the configured ones, else the built-in ones.</summary>
    public IReadOnlyList<string> TemplateCategories => Categories.Count > 0 ? Categories : BuiltInCategories;

    /// <summary>
    /// 人员类别 of a person added without a register entry (typed in, or a roster row the register does not know),
    /// by unit type (<see cref="UnitType"/> name → category), so the summary table never prints "人员类别：—".
    /// </summary>
    public Dictionary<string, string> DefaultCategories { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(UnitType.Employer)] = "在职",
        [nameof(UnitType.School)] = "学生",
        [nameof(UnitType.Kindergarten)] = "学生",
        [nameof(UnitType.Other)] = "城镇居民",
    };

    public RosterLimits Limits => new(MaxBytes, MaxRows);

    /// <summary>Refuses values the portal cannot work with, naming the key.</summary>
    public void Check()
    {
        if (MaxBytes < 1024 || MaxRows < 1)
        {
            throw new Infrastructure.StartupException($"Rosters:MaxBytes is {MaxBytes} and Rosters:MaxRows {MaxRows}; give at least 1024 bytes and one row (defaults 20971520 and 100000).");
        }

        if (MaxConcurrentImports < 1 || ImportQueueSeconds < 0)
        {
            throw new Infrastructure.StartupException($"Rosters:MaxConcurrentImports is {MaxConcurrentImports} and Rosters:ImportQueueSeconds {ImportQueueSeconds}; give at least one import slot and a wait of zero or more seconds (defaults 2 and 20).");
        }

        if (Categories.Count > 0 && Categories.All(string.IsNullOrWhiteSpace))
        {
            throw new Infrastructure.StartupException("Rosters:Categories lists only empty values; list the 人员类别 of the template's drop-down, or remove the setting for the built-in ones (在职, 退休, 学生 …).");
        }
    }

    /// <summary>The configured category for a unit type; null when none is set.</summary>
    public string? DefaultCategoryFor(UnitType type) =>
        DefaultCategories.TryGetValue(type.ToString(), out var category) && !string.IsNullOrWhiteSpace(category) ? category.Trim() : null;
}
