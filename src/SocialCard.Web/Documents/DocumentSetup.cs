namespace SocialCard.Web.Documents;

/// <summary>The printed forms: the unit's summary table (汇总表) and the hall's application and confirmation forms.</summary>
public static class DocumentSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<SummaryTables>();
        services.AddScoped<HallForms>();
        return services;
    }
}
