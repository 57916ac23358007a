using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Render.Rendering.Engine;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

public sealed class FfmpegRunnerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_more_processes_run_at_once_than_the_runner_has_slots(int slots)
    {
        var work = Directory.CreateTempSubdirectory("ffmpeg-slots-").FullName;
        try
        {
            var runner = new FfmpegRunner("ffmpeg", slots, NullLogger<FfmpegRunner>.Instance);
            var runs = Enumerable.Range(0, 4).Select(i => runner.ExecuteAsync(
                ["-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast"],
                work, Path.Combine(work, $"out-{i}.mp4"), null, CancellationToken.None)).ToList();

            var most = 0;
            while (runs.Any(r => !r.IsCompleted))
            {
                most = Math.Max(most, runner.Running);
                await Task.Delay(5);
            }

            await Task.WhenAll(runs);
            Assert.Equal(slots, most);
            Assert.Equal(4, Directory.GetFiles(work, "out-*.mp4").Length);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_waiting_for_a_slot_can_be_cancelled()
    {
        var work = Directory.CreateTempSubdirectory("ffmpeg-slots-").FullName;
        try
        {
            var runner = new FfmpegRunner("ffmpeg", 1, NullLogger<FfmpegRunner>.Instance);
            using var cancel = new CancellationTokenSource();
            var first = runner.ExecuteAsync(["-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=3"], work, Path.Combine(work, "a.mp4"), null, CancellationToken.None);
            var waiting = runner.ExecuteAsync(["-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=3"], work, Path.Combine(work, "b.mp4"), null, cancel.Token);

            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            await first;
            Assert.False(File.Exists(Path.Combine(work, "b.mp4")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
