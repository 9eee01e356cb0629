using Vouch.Data;
using Vouch.Features.Matching;
using Vouch.Features.Programs;

namespace Vouch.Features.Requests;

/// <summary>
/// The program's service levels (in business days, Monday to Friday) and limits, from the <c>Requests</c> section of
/// the configuration.
/// </summary>
public sealed class RequestOptions
{
    /// <summary>For the program team to propose an advocate.</summary>
    public int ProposeWithinBusinessDays { get; set; } = 1;

    /// <summary>For the account owner to approve or decline the ask of their customer.</summary>
    public int OwnerConsentWithinBusinessDays { get; set; } = 2;

    /// <summary>For the advocate to accept or decline.</summary>
    public int AdvocateReplyWithinBusinessDays { get; set; } = 3;

    /// <summary>For the seller to schedule the activity once accepted.</summary>
    public int ScheduleWithinBusinessDays { get; set; } = 5;

    /// <summary>For the seller to record feedback once it happened.</summary>
    public int FeedbackWithinBusinessDays { get; set; } = 5;

    /// <summary>
    /// How many hours before a step is due the people it waits on are told it is about to miss its service level (and
    /// <c>request.sla-at-risk</c> is sent), once per step; 0 for no warning. Under the shortest service level, or every
    /// step would be at risk as it begins.
    /// </summary>
    public int SlaWarningHours { get; set; } = 8;

    /// <summary>Asks of all contacts of one account together in a calendar quarter.</summary>
    public int AccountAsksPerQuarter { get; set; } = 4;

    /// <summary>Days after an account signs in which none of its contacts is asked.</summary>
    public int NoAskDaysAfterSigning { get; set; } = 90;

    /// <summary>
    /// How old the in-memory pool of referenceable contacts, and the market history of the supply and demand report,
    /// may grow before they are read again; changes saved through this instance are seen at once.
    /// </summary>
    public int AdvocatePoolSeconds { get; set; } = 60;

    /// <summary>The shortest service level of a step, in business days.</summary>
    public int ShortestServiceLevel => new[] { ProposeWithinBusinessDays, OwnerConsentWithinBusinessDays, AdvocateReplyWithinBusinessDays,
        ScheduleWithinBusinessDays, FeedbackWithinBusinessDays }.Min();

    public MatchPolicy PolicyOn(DateOnly today) => new(AccountAsksPerQuarter, NoAskDaysAfterSigning, today);
}

/// <summary>Working days for service levels: weekends do not count.</summary>
public static class BusinessDays
{
    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var at = start;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return at;
    }
}

public static class RequestServiceCollectionExtensions
{
    public static IServiceCollection AddReferenceRequests(this IServiceCollection services)
    {
        services.AddOptions<RequestOptions>().BindConfiguration("Requests")
            .Validate(o => o.AccountAsksPerQuarter > 0, "Requests:AccountAsksPerQuarter must be 1 or more.")
            .Validate(o => o.NoAskDaysAfterSigning >= 0, "Requests:NoAskDaysAfterSigning must be 0 or more.")
            .Validate(o => o.AdvocatePoolSeconds > 0, "Requests:AdvocatePoolSeconds must be 1 or more.")
            .Validate(o => o.ShortestServiceLevel > 0, "Requests: every service level must be 1 business day or more.")
            .Validate(o => o.SlaWarningHours >= 0 && o.SlaWarningHours < 24 * o.ShortestServiceLevel,
                "Requests:SlaWarningHours must be 0 (no warning) or more, and fewer hours than the shortest service level (24 a business day).")
            .ValidateOnStart();
        services.AddScoped<RequestWorkflow>();
        services.AddScoped<AdvocateAsks>();
        services.AddScoped<CandidatePool>();
        services.AddSingleton<AdvocateSnapshot>().AddSingleton<ISharedSnapshot>(sp => sp.GetRequiredService<AdvocateSnapshot>());
        services.AddSaveChangesInterceptor<ReferenceabilityChanges>();
        services.AddSingleton<SupplyDemand.MarketSnapshot>().AddSingleton<ISharedSnapshot>(sp => sp.GetRequiredService<SupplyDemand.MarketSnapshot>());
        services.AddSaveChangesInterceptor<SupplyDemand.MarketChanges>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<ReferenceReports>().AddSingleton(sp => KeptFigures<EveryClosedDeal, InfluenceTallies>.Create<ReferenceReports>(
            sp, (reports, _) => reports.TallyAsync(CancellationToken.None), ProgramOptions.KeepFiguresFor(sp)));
        services.AddScoped<RequestDeadlines>();
        services.AddScoped<IAlternativesSource, Content.ContentAlternatives>();
        services.AddHostedService<RequestDeadlineService>();
        return services;
    }
}
