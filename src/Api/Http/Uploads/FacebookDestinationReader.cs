using System.Text.RegularExpressions;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>A <c>facebook</c> destination: an access token and the page or user (default <c>me</c>) the video goes to.</summary>
internal sealed partial class FacebookDestinationReader : IDestinationReader
{
    public string Type => UploadDestinationTypes.Facebook;

    public UploadDestination Read(UploadFields d, string extension)
    {
        var token = d.Text("oauth_access_token") ?? d.Text("account") ?? throw d.Invalid("oauth_access_token", "(or 'account') is required");
        var target = d.Text("pageid") ?? "me";
        if (!GraphNode().IsMatch(target))
        {
            throw d.Invalid("pageid", "must be a page or user id");
        }

        return new FacebookDestination(token, target, d.Text("title"), d.Text("description"), d.Text("caption"), d.Text("name"));
    }

    [GeneratedRegex("^(me|[0-9]{1,30})$")]
    private static partial Regex GraphNode();
}
