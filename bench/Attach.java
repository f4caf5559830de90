import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with its options passed as they are (jcmd's JVMTI.agent_load reads an
 * option string containing '=' as a name=value pair of its own and mangles it).
 * Run: java bench/Attach.java PID AGENT_PATH OPTIONS
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
