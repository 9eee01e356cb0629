using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vouch.Web;

/// <summary>
/// How a page answers a form it saves through a writes service, as <see cref="CommandResults"/> answers the API: what
/// model binding refused is refused before the service sees it, a record that is not there is a 404, any other
/// refusal shows the form again with what was typed, and a save goes on to the record with a notice.
/// </summary>
public static class FormPosts
{
    public static async Task<IActionResult> SaveFormAsync<T>(
        this PageModel page,
        Func<Task<CommandResult<T>>> save,
        Func<T, (string Location, string Notice)> saved,
        Func<Refusal, Task<IActionResult>> show)
    {
        var binding = page.ModelState.BindingErrors();
        var result = binding.IsEmpty ? await save() : Refusal.Invalid(binding);
        if (!result.Succeeded)
        {
            return result.Refusal.Kind == RefusalKind.NotFound ? new NotFoundResult() : await show(result.Refusal);
        }
        var (location, notice) = saved(result.Value);
        page.TempData["Notice"] = notice;
        return new RedirectResult(location);
    }
}
