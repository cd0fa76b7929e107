using SocialCard.Core.Common;

namespace SocialCard.Core.Units;

/// <summary>A collection hall (信息采集点), such as a service hall or a partner bank outlet.</summary>
public sealed class Hall : IVersioned
{
    private Hall()
    {
    }

    public Hall(string code, string name)
    {
        Code = code.Trim();
        Name = name.Trim();
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; set; } = "";

    public string? Address { get; set; }

    public Guid Version { get; set; }
}
