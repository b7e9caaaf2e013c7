"""A virtual X display for the viewer's end-to-end test and its frame benchmark."""
import os
import subprocess


def start_xvfb(width=1280, height=800):
    """Starts Xvfb on a free display (it writes the number it picked to a pipe, -displayfd) and
    returns the process and the DISPLAY value, like ":1"."""
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(wfd), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], pass_fds=(wfd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(wfd)
    with os.fdopen(rfd) as f:
        return xvfb, ":" + f.readline().strip()
