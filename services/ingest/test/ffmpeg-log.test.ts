import { LineSplitter, parseFfmpegLine } from '../src/ffmpeg/ffmpeg-log';

describe('parseFfmpegLine', () => {
  it('reads the component and level of a -loglevel level+warning line', () => {
    expect(
      parseFfmpegLine('[tcp @ 0x56144cf16840] [error] Connection to tcp://127.0.0.1:1 failed'),
    ).toEqual({
      level: 'error',
      component: 'tcp',
      message: 'Connection to tcp://127.0.0.1:1 failed',
    });
    expect(parseFfmpegLine('[error] /nonexist.mp4: No such file or directory')).toEqual({
      level: 'error',
      message: '/nonexist.mp4: No such file or directory',
    });
    expect(parseFfmpegLine('frame=  10 fps=0.0')).toEqual({
      level: 'info',
      message: 'frame=  10 fps=0.0',
    });
  });

  it('removes passwords that ffmpeg repeats from the input URL', () => {
    const line = parseFfmpegLine('[error] rtsp://admin:hunter2@10.0.0.5/s: Connection refused');
    expect(line.message).toBe('rtsp://admin:***@10.0.0.5/s: Connection refused');
  });
});

describe('LineSplitter', () => {
  it('splits on \\n, \\r\\n and \\r across chunks and flushes the rest', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.push('o\r\nthree\rfo')).toEqual(['two', 'three']);
    expect(splitter.flush()).toEqual(['fo']);
    expect(splitter.flush()).toEqual([]);
  });
});
