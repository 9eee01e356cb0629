using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.ActivityTypes;

public sealed record ActivityTypeResponse(
    string Key, string Name, decimal EffortHours, int RestPeriodDays, IReadOnlyList<string> SocialCapitalOffered, bool IsActive, Guid Version);

/// <summary>An activity type as an admin writes it; the key is given only when adding one, and never changes.</summary>
public sealed record ActivityTypeInput(
    string? Key, string? Name, decimal? EffortHours, int? RestPeriodDays, IReadOnlyList<string>? SocialCapitalOffered, bool? IsActive, Guid? Version);

public static class ActivityTypeEndpoints
{
    public static RouteGroupBuilder MapActivityTypes(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/activity-types").WithTags("Activity types");
        types.MapGet("/", List)
            .WithName("ListActivityTypes").WithSummary("The activity types, retired ones included, in their order.")
            .RequireAuthorization(Policies.SignedIn);
        types.MapPost("/", Create)
            .WithName("CreateActivityType").WithSummary("Add an activity type.").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Administer);
        types.MapPut("/{key}", Update)
            .WithName("UpdateActivityType").WithSummary("Change an activity type; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Administer);
        return api;
    }

    public static async Task<IReadOnlyList<ActivityTypeResponse>> ListActivityTypesAsync(this VouchDbContext db, CancellationToken ct) =>
        [.. (await db.ActivityTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct)).Select(ToResponse)];

    private static async Task<Ok<IReadOnlyList<ActivityTypeResponse>>> List(VouchDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ListActivityTypesAsync(ct));

    private static async Task<Results<Created<ActivityTypeResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ActivityTypeInput input, VouchDbContext db, CancellationToken ct) =>
        (await db.AddActivityTypeAsync(input, ct)).ToApi(type => TypedResults.Created($"/api/v1/activity-types/{type.Key}", type));

    private static async Task<Results<Ok<ActivityTypeResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string key, ActivityTypeInput input, VouchDbContext db, CancellationToken ct) =>
        (await db.UpdateActivityTypeAsync(key, input, ct)).ToApi(TypedResults.Ok);

    /// <summary>Adds an activity type as an admin asked, last in the order; the API and the admin page share it.</summary>
    public static async Task<CommandResult<ActivityTypeResponse>> AddActivityTypeAsync(this VouchDbContext db, ActivityTypeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("key", input.Key, ActivityType.KeyMaxLength);
        var key = input.Key?.Trim().ToLowerInvariant() ?? "";
        if (key.Length > 0 && key != Keys.FromName(key))
        {
            errors.Add("key", $"key must be lower-case words joined by hyphens, such as '{Keys.FromName(key)}'.");
        }
        var type = new ActivityType { Key = key, Name = "" };
        if (Apply(input, type, errors) is { } invalid)
        {
            return invalid;
        }
        if (await db.ActivityTypes.AnyAsync(t => t.Key == key, ct))
        {
            return Refusal.Conflict("An activity type with this key exists.", $"key '{key}' is taken.");
        }
        type.SortOrder = (await db.ActivityTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
        db.ActivityTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return ToResponse(type);
    }

    /// <summary>Changes an activity type as an admin asked, over the version they read; the API and the admin page share it.</summary>
    public static async Task<CommandResult<ActivityTypeResponse>> UpdateActivityTypeAsync(
        this VouchDbContext db, string key, ActivityTypeInput input, CancellationToken ct)
    {
        var type = await db.ActivityTypes.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (type is null)
        {
            return Refusal.NotFound("The activity type");
        }
        if ((Versioning.Check(type, input.Version) ?? Apply(input, type, new ValidationErrors())) is { } refusal)
        {
            return refusal;
        }
        var saved = await db.SaveOverAsync(type, input.Version!.Value, ct);
        return saved.Succeeded ? ToResponse(type) : saved.Refusal;
    }

    /// <summary>Adds what is wrong with <paramref name="input"/> to <paramref name="errors"/>; copies it onto <paramref name="type"/> only when nothing is.</summary>
    private static Refusal? Apply(ActivityTypeInput input, ActivityType type, ValidationErrors errors)
    {
        errors.Required("name", input.Name, ActivityType.NameMaxLength);
        if (input.EffortHours is not (>= 0 and <= 1000))
        {
            errors.Add("effortHours", "effortHours must be from 0 to 1000.");
        }
        if (input.RestPeriodDays is not (>= 0 and <= 3650))
        {
            errors.Add("restPeriodDays", "restPeriodDays must be from 0 to 3650.");
        }
        var offered = FlagNames.Parse<SocialCapital>(input.SocialCapitalOffered, "socialCapitalOffered", errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        type.Name = input.Name!.Trim();
        type.EffortHours = input.EffortHours!.Value;
        type.RestPeriodDays = input.RestPeriodDays!.Value;
        type.SocialCapitalOffered = offered;
        type.IsActive = input.IsActive ?? true;
        return null;
    }

    private static ActivityTypeResponse ToResponse(ActivityType t) =>
        new(t.Key, t.Name, t.EffortHours, t.RestPeriodDays, FlagNames.Of(t.SocialCapitalOffered), t.IsActive, t.Version);
}
