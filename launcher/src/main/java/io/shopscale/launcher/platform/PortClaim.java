package io.shopscale.launcher.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntPredicate;

/** A port the platform is about to listen on, who needs it and the variable that moves it elsewhere. */
public record PortClaim(int port, String neededBy, String variable) {

    /** One message per port that is claimed twice or already taken, phrased as what to do about it. */
    public static List<String> conflicts(List<PortClaim> claims, IntPredicate inUse) {
        var problems = new ArrayList<String>();
        var owners = new HashMap<Integer, PortClaim>();
        for (PortClaim claim : claims) {
            PortClaim earlier = owners.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                problems.add("port " + claim.port() + " is configured for both " + earlier.neededBy() + " and "
                        + claim.neededBy() + "; set " + claim.variable() + " to another port");
            }
            else if (inUse.test(claim.port())) {
                problems.add("port " + claim.port() + " is in use (needed by " + claim.neededBy()
                        + "); stop what uses it or set " + claim.variable());
            }
        }
        return problems;
    }
}
