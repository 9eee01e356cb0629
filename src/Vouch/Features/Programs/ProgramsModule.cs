using Vouch.Data;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Programs;

/// <summary>
/// The program by its business results: the dashboard with its drill-downs and exports, five KPIs with targets and the
/// monthly executive report. Executives, reference managers and admins read it; reference managers and admins set KPIs.
/// </summary>
public sealed class ProgramsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Program", "/program", Policies.ReadReports, NavigationGroup.Reports, 50)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgramOptions>().BindConfiguration("Programs")
            .Validate(o => o.FiguresSeconds >= 0, "Programs:FiguresSeconds must be 0 or more.")
            .Validate(o => o.ExpiringWithinDays is > 0 and <= 3650, "Programs:ExpiringWithinDays must be between 1 and 3650.")
            .ValidateOnStart();
        services.AddOptions<ReportOptions>().BindConfiguration("Programs:Report")
            .Validate(o => o.CheckEvery >= TimeSpan.FromSeconds(1), "Programs:Report:CheckEvery must be a second or more.")
            .ValidateOnStart();
        services.AddSingleton(sp => KeptFigures<(MonthRange Range, DateOnly Today), ProgramDashboardResponse>.Create<ProgramDashboard>(
            sp, (dashboard, key) => dashboard.ComputeAsync(key.Range, CancellationToken.None), ProgramOptions.KeepFiguresFor(sp)));
        services.AddScoped<ProgramDashboard>().AddScoped<FigureRecordsReader>().AddScoped<ProgramKpis>().AddScoped<ExecutiveReport>();
        if (configuration.GetValue<bool>("Programs:Report:Enabled"))
        {
            services.AddHostedService<ExecutiveReportSchedule>();
        }
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapProgram();
}
