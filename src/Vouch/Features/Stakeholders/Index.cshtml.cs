using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Stakeholders;

/// <summary>The stakeholder groups: priorities and rules of engagement, who is in which, and the queue they order.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(StakeholderGroups groups, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public sealed record UserRow(Guid Id, string Name, string? Group);

    public IReadOnlyList<StakeholderGroupResponse> Groups { get; private set; } = [];
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<QueueItemResponse>? Queue { get; private set; }
    public bool MayChange { get; private set; }
    public bool MaySetMembers { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public async Task<IActionResult> OnPostGroupAsync(string? key, int? priority, string? activities, int? capacityShare, Guid? version, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var keys = (activities ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await this.SaveFormAsync(
            () => groups.UpdateAsync(key ?? "", new StakeholderGroupInput(priority, keys, capacityShare, version), ct),
            saved => ("/program/stakeholders", text["{0} was saved.", saved.Name].Value),
            refusal => ShowAsync(refusal, ct));
    }

    public async Task<IActionResult> OnPostMemberAsync(Guid userId, string? group, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.Administer))
        {
            return Forbid();
        }
        async Task<CommandResult<bool>> SetAsync()
        {
            var set = await groups.SetMemberAsync(userId, new MembershipInput(group), ct);
            return set.Succeeded ? true : set.Refusal;
        }
        return await this.SaveFormAsync(SetAsync, _ => ("/program/stakeholders", text["The membership was saved."].Value), refusal => ShowAsync(refusal, ct));
    }

    private async Task<IActionResult> ShowAsync(Refusal? refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Groups = await groups.ListAsync(ct);
        MayChange = await user.MayAsync(Policies.ManageInventory);
        MaySetMembers = await user.MayAsync(Policies.Administer);
        if (MaySetMembers)
        {
            var groupOf = Groups.SelectMany(g => g.Members.Select(m => (m.UserId, g.Key))).ToDictionary(m => m.UserId, m => m.Key);
            Users = [.. (await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.ContactId == null).OrderBy(u => u.Email)
                    .Select(u => new { u.Id, Name = u.DisplayName == "" ? u.Email! : u.DisplayName }).Take(200).ToListAsync(ct))
                .Select(u => new UserRow(u.Id, u.Name, groupOf.GetValueOrDefault(u.Id)))];
        }
        if (MayChange)
        {
            Queue = await groups.QueueAsync(ct);
        }
        return Page();
    }
}
