using System.Text.Json;
using Orleans.Render.Conventions.Webhooks;
using Orleans.Render.Models.Uploads;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed partial class UploadGrainTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_post_callback_carries_a_json_body_signed_with_the_projects_webhook_secret()
    {
        var name = Guid.NewGuid().ToString("N");
        var path = $"{name}.png";
        var task = new UploadTask("png", Uploads.HttpPut(fixture, path), true, Targets.Url($"/webhook/{name}"), null, CallbackMethod.Post);

        var (job, upload) = await Uploads.StartAsync(fixture, task);
        var info = await Uploads.SettledAsync(upload);

        Assert.Equal((UploadStatus.Succeeded, CallbackStatus.Sent), (info.Status, info.Callback));
        var call = Assert.Single(Targets.Webhooks, w => w.Name == name);
        Assert.Equal("POST", call.Method);
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(job.GetPrimaryKeyString(), body.GetProperty("token").GetString());
        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal(Targets.Url($"/http/{path}"), body.GetProperty("msg").GetString());
        var secret = await fixture.Grains.GetGrain<IWebhookSecretGrain>(Uploads.Project).GetAsync();
        Assert.True(WebhookSignature.Verify(secret, call.Timestamp, call.Body, call.Signature, Tolerance, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(secret, call.Timestamp, call.Body.Replace("succeeded", "failed"), call.Signature, Tolerance, DateTimeOffset.UtcNow));
        var delivery = Assert.Single(info.Deliveries!);
        Assert.Equal((1, CallbackMethod.Post, (int?)200, CallbackStatus.Sent, (string?)null), (delivery.Attempt, delivery.Method, delivery.StatusCode, delivery.Outcome, delivery.Error));
    }

    [Fact]
    public async Task A_get_callback_signs_its_path_and_query_and_a_rotated_secret_signs_the_next_one()
    {
        var name = Guid.NewGuid().ToString("N");
        var secrets = fixture.Grains.GetGrain<IWebhookSecretGrain>(Uploads.Project);
        var before = await secrets.GetAsync();
        var first = await CallBackOnceAsync(name + "-a");
        var rotated = await secrets.RotateAsync();
        var second = await CallBackOnceAsync(name + "-b");

        Assert.NotEqual(before, rotated);
        Assert.Equal("GET", first.Method);
        Assert.Contains("msg=", first.Target, StringComparison.Ordinal);
        Assert.Empty(first.Body);
        Assert.True(WebhookSignature.Verify(before, first.Timestamp, first.Target, first.Signature, Tolerance, DateTimeOffset.UtcNow));
        Assert.True(WebhookSignature.Verify(rotated, second.Timestamp, second.Target, second.Signature, Tolerance, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(before, second.Timestamp, second.Target, second.Signature, Tolerance, DateTimeOffset.UtcNow));

        async Task<WebhookRequest> CallBackOnceAsync(string callback)
        {
            var task = new UploadTask("png", Uploads.HttpPut(fixture, $"{callback}.png"), true, Targets.Url($"/webhook/{callback}?from=test"), null);
            var (_, upload) = await Uploads.StartAsync(fixture, task);
            Assert.Equal(CallbackStatus.Sent, (await Uploads.SettledAsync(upload)).Callback);
            return Assert.Single(Targets.Webhooks, w => w.Name == callback);
        }
    }

    [Fact]
    public async Task A_receiver_that_answers_503_twice_gets_the_callback_a_third_time_and_every_delivery_is_listed()
    {
        var name = Guid.NewGuid().ToString("N");
        Targets.FailNextWebhooks = 2;
        try
        {
            var task = new UploadTask("png", Uploads.HttpPut(fixture, $"{name}.png"), true, Targets.Url($"/webhook/{name}"), null, CallbackMethod.Post);
            var (_, upload) = await Uploads.StartAsync(fixture, task);
            var info = await Uploads.SettledAsync(upload);

            Assert.Equal(CallbackStatus.Sent, info.Callback);
            Assert.Equal(3, Targets.Webhooks.Count(w => w.Name == name));
            Assert.Equal(
                [(1, (int?)503, CallbackStatus.Pending), (2, 503, CallbackStatus.Pending), (3, 200, CallbackStatus.Sent)],
                info.Deliveries!.Select(d => (d.Attempt, d.StatusCode, d.Outcome)));
            Assert.True(info.Deliveries![1].At > info.Deliveries[0].At);
        }
        finally
        {
            Targets.FailNextWebhooks = 0;
        }
    }
}
